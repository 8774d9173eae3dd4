namespace RightToManage.Host.Identity;

/// <summary>ProblemDetails written from middleware and authentication events (where there is no endpoint result to return).</summary>
internal static class AccessProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions).ExecuteAsync(context);

    public static Task UnauthorizedAsync(HttpContext context, string detail = "Sign in, or send an API key (Authorization: ApiKey …).") =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static Task ForbiddenAsync(HttpContext context, string detail = "Your roles do not allow this.") =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
