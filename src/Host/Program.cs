using RightToManage.Host.Endpoints;
using RightToManage.Host.Hosting;

// Settings ship beside the binaries; relative data paths resolve from the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddWorkflowStorage();
builder.AddEmailNotifications();
builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks()
    .AddCheck<StorageHealthCheck>("database", tags: ["ready"])
    .AddCheck<DefinitionsHealthCheck>("definitions", tags: ["ready"]);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapHealthEndpoints();
var api = app.MapGroup("/api");
api.MapWorkflowDefinitionEndpoints();
api.MapActivityDescriptorEndpoints();
api.MapCaseEndpoints();
api.MapCasePartyEndpoints();
api.MapCaseNotificationEndpoints();

app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
