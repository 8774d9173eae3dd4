using RightToManage.Host.Access;
using RightToManage.Workflows.Activities;

namespace RightToManage.Host.Endpoints;

public static class ActivityDescriptorEndpoints
{
    /// <summary>The palette: every activity type with its inputs, outputs and ports.</summary>
    public static void MapActivityDescriptorEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/activity-descriptors", (ActivityRegistry registry) => registry.Descriptors.Select(d => new
        {
            d.TypeName,
            d.Category,
            d.DisplayName,
            d.Description,
            Inputs = d.Inputs.Select(i => new { i.Name, i.DisplayName, i.Type, i.Required, i.Default, i.UIHint, i.Description, i.Options }),
            Outputs = d.Outputs.Select(o => new { o.Name, o.Type, o.Description }),
            Ports = d.Ports.Select(p => new { p.Name, p.Description }),
            d.DynamicPortsInput,
            d.IsStart,
            d.IsTerminal,
        })).RequireAuthorization(Policies.Authenticated);
    }
}
