using Microsoft.AspNetCore.Antiforgery;

namespace RightToManage.Host.Identity;

/// <summary>
/// Cross-site request forgery protection for the API: a POST, PUT, PATCH or DELETE under <c>/api</c> made with the
/// session cookie must carry the token from <c>GET /api/auth/antiforgery</c> in the <c>X-XSRF-TOKEN</c> header.
/// API-key and anonymous requests are exempt (a browser does not add either by itself), and so is any endpoint with
/// <see cref="SkipApiAntiforgery"/> metadata (sign-in).
/// </summary>
public sealed class ApiAntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-XSRF-TOKEN";
    public const string Failure = "anti-forgery token missing or invalid";

    public async Task InvokeAsync(HttpContext context)
    {
        // Header only: without the header the form (an upload, say) is not read looking for a token field.
        if (NeedsToken(context) && (!context.Request.Headers.ContainsKey(HeaderName) || !await antiforgery.IsRequestValidAsync(context)))
        {
            await AccessProblems.WriteAsync(context, StatusCodes.Status400BadRequest, "Bad request",
                $"{Failure}: send the token from GET /api/auth/antiforgery in the {HeaderName} header.");
            return;
        }
        await next(context);
    }

    private static bool NeedsToken(HttpContext context) =>
        AccessProblems.IsApi(context.Request)
        && (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)
            || HttpMethods.IsPatch(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method))
        && context.User.Identity is { IsAuthenticated: true }
        && !ApiKeys.IsPresent(context.Request)
        && context.GetEndpoint()?.Metadata.GetMetadata<SkipApiAntiforgery>() is null;
}

/// <summary>Endpoint metadata: no anti-forgery token needed (e.g. sign-in, which acts on no one's session).</summary>
public sealed class SkipApiAntiforgery;
