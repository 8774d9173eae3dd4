using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace RightToManage.Host.Hosting;

/// <summary>
/// Serves the web app (src/Studio, built into wwwroot/) at /. Its files hold no data, so they are served to anyone;
/// every page asks the API, which needs sign-in. Paths the app routes itself (/tasks/…, /studio/…) get index.html,
/// except under /api, where an unknown path stays a 404 problem.
/// </summary>
public static class WebApp
{
    public static WebApplication UseWebApp(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                // Vite names the built scripts and styles by their content: they can be kept for good.
                // index.html is not, so it is always asked for afresh and a new build shows at once.
                if (context.Context.Request.Path.StartsWithSegments("/assets"))
                    context.Context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
                else
                    PageHeaders(context.Context.Response.Headers);
            },
        });
        return app;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        app.MapFallback("/api/{**path}", () => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such API endpoint."));
        app.MapFallbackToFile("index.html", new StaticFileOptions
        {
            OnPrepareResponse = context => PageHeaders(context.Context.Response.Headers),
        });
        return app;
    }

    private static void PageHeaders(IHeaderDictionary headers)
    {
        headers[HeaderNames.CacheControl] = "no-cache";
        // The app acts with the user's session: no other site may frame it to trick clicks out of them.
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers[HeaderNames.ContentSecurityPolicy] = "frame-ancestors 'none'";
    }
}
