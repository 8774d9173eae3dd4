using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RightToManage.Host.Identity;
using Scalar.AspNetCore;

namespace RightToManage.Host.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> and the interactive page (Scalar) at <c>/scalar/v1</c>, with
/// <c>/docs</c> and <c>/api</c> redirecting to it. Both are open: they describe the API and reveal no data. The page's
/// script is served by the host from the Scalar.AspNetCore package itself (nothing is loaded from a CDN), and its
/// telemetry, web fonts and AI agent are off, so it works on a machine with no internet.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string PagePrefix = "/scalar";
    public const string PagePath = PagePrefix + "/" + DocumentName;

    /// <summary>Security scheme name: the web app's session cookie (<c>rtm.session</c>).</summary>
    public const string SessionScheme = "session";

    /// <summary>Security scheme name: <c>Authorization: ApiKey &lt;key&gt;</c>.</summary>
    public const string ApiKeyScheme = "apiKey";

    public static WebApplicationBuilder AddApiDescription(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<AuthorizationOperationTransformer>();
        });
        return builder;
    }

    /// <summary>Maps the document, the page and the redirects; none needs sign-in.</summary>
    public static WebApplication MapApiDescription(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference(PagePrefix, options => options
                .WithTitle("RightToManage API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument(DocumentName)
                .HideDeveloperTools()
                .DisableTelemetry()
                .DisableDefaultFonts()
                .DisableAgent()
                .DisableMcp())
            .AllowAnonymous();
        app.MapGet("/docs", () => Results.Redirect(PagePath)).ExcludeFromDescription().AllowAnonymous();
        app.MapGet("/api", () => Results.Redirect(PagePath)).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    /// <summary>Whether an endpoint needs a signed-in caller (<c>RequireAuthorization</c> without <c>AllowAnonymous</c>).</summary>
    internal static bool RequiresAuthorization(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
}

/// <summary>Title, version, description, servers and the two security schemes.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    internal const string Description = """
        The RightToManage workflow API: workflow definitions, cases, human tasks, parties, documents and notifications.

        **Signing in.** Either a cookie session or an API key:

        - *Session* (the web app): `POST /api/auth/sign-in` with `{ "email", "password" }` sets the `rtm.session` cookie.
          Every `POST`, `PUT`, `PATCH` and `DELETE` made with the session must carry the anti-forgery token from
          `GET /api/auth/antiforgery` in the `X-XSRF-TOKEN` header (answered with 400 otherwise).
        - *API key* (integrations): `Authorization: ApiKey <key>`. No anti-forgery token is needed.

        Operations marked with a lock need one of them; they answer 401 without, and 403 when the caller's role or
        organisation does not allow it.

        **Errors** are RFC 9457 problem details (`application/problem+json`). Validation errors (422) carry `errors`,
        keyed by the JSON path of the offending value (e.g. `$.email`), and `codes`, a stable code per error.
        """;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "RightToManage API",
            Version = "1.0",
            Description = Description,
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OpenApiSetup.SessionScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "rtm.session",
            Description = "The session cookie set by `POST /api/auth/sign-in`. State-changing requests (POST, PUT, PATCH, DELETE) "
                + $"must also send the token from `GET /api/auth/antiforgery` in the `{ApiAntiforgeryMiddleware.HeaderName}` header.",
        };
        document.Components.SecuritySchemes[OpenApiSetup.ApiKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = $"An API key, sent as `Authorization: {ApiKeys.HeaderScheme} <key>` (the value includes the word `{ApiKeys.HeaderScheme}`). "
                + "Keys are issued by an administrator. No anti-forgery token is needed.",
        };

        // Minimal APIs mapped at a group's root ("/") come out with a trailing slash; the route answers without it too.
        if (document.Paths is { } paths)
        {
            foreach (var path in paths.Keys.Where(p => p.Length > 1 && p.EndsWith('/')).ToList())
            {
                var trimmed = path.TrimEnd('/');
                if (paths.ContainsKey(trimmed)) continue;
                paths[trimmed] = paths[path];
                paths.Remove(path);
            }
        }
        Tag(document);
        return Task.CompletedTask;
    }

    /// <summary>One tag per resource, from the path (the default would be each handler's declaring class).</summary>
    private static void Tag(OpenApiDocument document)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths ?? [])
        {
            var tag = TagFor(path);
            if (item.Operations is null) continue;
            foreach (var operation in item.Operations.Values)
            {
                operation.Tags = new HashSet<OpenApiTagReference> { new(tag, document) };
                used.Add(tag);
            }
        }
        var ordered = TagOrder.Where(used.Contains).Concat(used.Except(TagOrder).Order(StringComparer.Ordinal));
        document.Tags = new HashSet<OpenApiTag>(ordered.Select(name => new OpenApiTag { Name = name }));
    }

    /// <summary>The order of the sections on the page: how a client meets the API.</summary>
    private static readonly string[] TagOrder =
    [
        "Sign-in", "Cases", "Tasks", "Case parties", "Case documents", "Case notifications",
        "Workflow definitions", "Activity descriptors", "Organisations", "Users", "API keys",
    ];

    internal static string TagFor(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 && segments[0] == "api" ? segments[1] : segments.FirstOrDefault() ?? "";
        if (segments.Contains("api-keys")) return "API keys";
        if (resource == "cases" && segments.Length > 3)
        {
            switch (segments[3])
            {
                case "parties": return "Case parties";
                case "documents": return "Case documents";
                case "notifications": return "Case notifications";
            }
        }
        return resource switch
        {
            "auth" => "Sign-in",
            "" => "Other",
            _ => char.ToUpperInvariant(resource[0]) + resource[1..].Replace('-', ' '),
        };
    }
}

/// <summary>
/// An endpoint behind <c>RequireAuthorization</c> needs the session cookie or an API key; say so, with the answers that
/// brings, and (for POST, PUT, PATCH and DELETE) the anti-forgery header that the session needs.
/// </summary>
internal sealed class AuthorizationOperationTransformer : IOpenApiOperationTransformer
{
    private static readonly HashSet<string> StateChanging = new(StringComparer.OrdinalIgnoreCase) { "POST", "PUT", "PATCH", "DELETE" };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!OpenApiSetup.RequiresAuthorization(metadata)) return Task.CompletedTask;

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.SessionScheme, context.Document)] = [] });
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.ApiKeyScheme, context.Document)] = [] });

        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in: no valid session cookie or API key." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Signed in, but the caller's role or organisation does not allow this." });

        if (context.Description.HttpMethod is { } method && StateChanging.Contains(method))
        {
            operation.Parameters ??= [];
            if (!operation.Parameters.Any(p => string.Equals(p.Name, ApiAntiforgeryMiddleware.HeaderName, StringComparison.OrdinalIgnoreCase)))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = ApiAntiforgeryMiddleware.HeaderName,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "With the session cookie: the token from `GET /api/auth/antiforgery` (required; 400 without it). Not needed with an API key.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }
        return Task.CompletedTask;
    }
}
