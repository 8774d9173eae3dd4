namespace RightToManage.Host.Tests.Fuzzing;

/// <summary>
/// A host whose store changes only when a request changes it: mail dispatch and timers are off, because both update
/// rows in the background and would blur the before-and-after comparison of <see cref="StoreFingerprint"/>.
/// </summary>
internal static class FuzzHost
{
    public static Task<HostFactory> CreateAsync() => HostFactory.CreateAsync(settings: new Dictionary<string, string>
    {
        ["Notifications:Dispatch:Enabled"] = "false",
        ["Timers:Enabled"] = "false",
    });
}
