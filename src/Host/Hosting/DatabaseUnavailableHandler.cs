using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace RightToManage.Host.Hosting;

/// <summary>
/// Turns "the database cannot be reached" into 503 Service Unavailable with a ProblemDetails body and Retry-After,
/// instead of a 500: while PostgreSQL is down or restarting the request is not wrong and the server not broken, and
/// clients (and load balancers) should try again. /health/ready reports the same condition.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception) || context.Response.HasStarted) return false;
        logger.LogWarning("The database is unavailable: {Path} answered 503 ({Error})", context.Request.Path, exception.GetBaseException().Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is temporarily unavailable.",
                Detail = $"The database cannot be reached. Try again in a few seconds (Retry-After: {RetryAfterSeconds}).",
            },
        });
    }

    /// <summary>A transient database failure anywhere in the chain: connection refused or cut, server shutting down or starting.</summary>
    internal static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
            if (current is DbException { IsTransient: true } or System.Net.Sockets.SocketException) return true;
        return false;
    }
}
