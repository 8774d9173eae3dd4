using RightToManage.Workflows.Validation;

namespace RightToManage.Host.Endpoints;

/// <summary>ProblemDetails responses whose errors are keyed by the JSON path of the offending value.</summary>
internal static class Problems
{
    /// <param name="status">422 for the body's content; 400 where the request itself is malformed (a bad header).</param>
    public static IResult Validation(IEnumerable<ValidationError> errors, string title = "The request has errors.", int status = StatusCodes.Status422UnprocessableEntity) =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["codes"] = errors.Select(e => new { e.Path, e.Code }).ToArray() });

    public static IResult Field(string path, string code, string message) => Validation([new ValidationError(path, code, message)]);

    public static IResult NotFound(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Conflict(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
