using RightToManage.Host.Endpoints;
using RightToManage.Host.Hosting;
using RightToManage.Host.Identity;
using RightToManage.Host.OpenApi;

// Settings ship beside the binaries; relative data paths resolve from the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddWorkflowStorage();
builder.AddEmailNotifications();
builder.AddSharedDataProtection();
builder.AddSignInAndAccess();
builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
builder.AddApiDescription();
builder.Services.AddHealthChecks()
    .AddCheck<StorageHealthCheck>("database", tags: ["ready"])
    .AddCheck<DefinitionsHealthCheck>("definitions", tags: ["ready"]);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebApp();
app.UseSignInAndAccess();

app.MapHealthEndpoints();
app.MapApiDescription();
var api = app.MapGroup("/api");
api.MapSignInAndAccessEndpoints();
api.MapWorkflowDefinitionEndpoints();
api.MapActivityDescriptorEndpoints();
api.MapCaseEndpoints();
api.MapCasePartyEndpoints();
api.MapCaseNotificationEndpoints();
api.MapTaskEndpoints();
api.MapCaseDocumentEndpoints();
app.MapWebApp();

app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
