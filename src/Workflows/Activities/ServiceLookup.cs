namespace RightToManage.Workflows.Activities;

internal static class ServiceLookup
{
    public static T Required<T>(IServiceProvider? services, string activityType) where T : notnull =>
        services?.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException(
                $"'{activityType}' needs {typeof(T).Name}, which is not registered (is the module that provides '{activityType}' added to the host?).");
}
