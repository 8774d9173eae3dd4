using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using RightToManage.Host.Access;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tasks;

namespace RightToManage.Host.Endpoints;

/// <summary>
/// Documents attached to a case or one of its tasks (a proposal notice, a competence report, a ballot result): upload
/// as <c>multipart/form-data</c>, list, download. Whoever may see the case may list and download its documents;
/// whoever may act on it may upload. Stored in the database with their size and SHA-256 (<see cref="IDocumentStore"/>).
/// </summary>
public static class CaseDocumentEndpoints
{
    /// <summary>The form part that carries the file, and the optional field naming a task of the case.</summary>
    public const string FilePart = "file";
    public const string TaskIdField = "taskId";

    /// <summary>Longest file name kept (after any folders are dropped).</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>Room in the request body for the multipart framing and the other fields, beyond the file itself.</summary>
    private const long FormOverheadBytes = 1024 * 1024;

    private const int MaxTaskIdLength = 200;
    private const int ChunkSize = 81920;

    public static void MapCaseDocumentEndpoints(this IEndpointRouteBuilder api)
    {
        var options = DocumentOptions.From(api.ServiceProvider.GetRequiredService<IConfiguration>());
        var group = api.MapGroup("/cases/{id:guid}/documents").RequireAuthorization(Policies.Authenticated);

        group.MapPost("/", (Guid id, Caller caller, HttpContext context, WorkflowRuntime runtime, TimeProvider time, CancellationToken ct) =>
            UploadAsync(id, caller, context, runtime, time, options, ct));

        group.MapGet("/", async (Guid id, Caller caller, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            if (await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is null) return Problems.NotFound($"No case {id}.");
            return Results.Ok((await runtime.Store.Documents.ListAsync(id, ct)).Select(ToBody));
        });

        group.MapGet("/{documentId:guid}", async (Guid id, Guid documentId, Caller caller, HttpResponse response, WorkflowRuntime runtime, CancellationToken ct) =>
        {
            if (await CaseAccess.FindVisibleAsync(runtime, id, caller, ct) is null) return Problems.NotFound($"No case {id}.");
            var stored = await runtime.Store.Documents.OpenContentAsync(documentId, ct);
            if (stored is null || stored.Document.InstanceId != id) return Problems.NotFound($"Case {id} has no document {documentId}.");
            var document = stored.Document;
            // Always a download, never rendered in the API's origin, and not kept by shared caches.
            response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
            response.Headers.CacheControl = "private, no-cache";
            // Content-Disposition: attachment; filename="…" (ASCII fallback); filename*=UTF-8''… (the name percent-encoded).
            return Results.File(stored.Content, document.ContentType, document.FileName,
                lastModified: document.UploadedAt, entityTag: new EntityTagHeaderValue($"\"{document.Sha256}\""));
        });
    }

    internal static object ToBody(DocumentRecord document) => new
    {
        document.Id,
        document.FileName,
        document.ContentType,
        document.Size,
        document.Sha256,
        document.UploadedBy,
        document.UploadedAt,
        document.TaskId,
    };

    private static async Task<IResult> UploadAsync(
        Guid id, Caller caller, HttpContext context, WorkflowRuntime runtime, TimeProvider time, DocumentOptions options, CancellationToken ct)
    {
        var snapshot = await CaseAccess.FindVisibleAsync(runtime, id, caller, ct);
        if (snapshot is null) return Problems.NotFound($"No case {id}.");
        if (!CaseAccess.CanAct(caller, snapshot.Organisations))
            return CaseEndpoints.Forbidden("Your role cannot add documents to this case.");

        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(
                detail: $"Send the document as multipart/form-data, the file in a part named '{FilePart}' (and optionally a '{TaskIdField}' field).",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        }

        // The server's own limit on the body follows the document limit (the count below is what decides, though).
        var bodyLimit = options.MaxBytes + FormOverheadBytes;
        if (request.ContentLength > bodyLimit) return TooLarge(options);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature) sizeFeature.MaxRequestBodySize = bodyLimit;

        Upload upload;
        try
        {
            var read = context.Features.Get<IFormFeature>()?.Form is { } form
                // Something before the endpoint (anti-forgery looking for a form token) has read the form already.
                ? await ReadFormAsync(form, options, ct)
                : await ReadMultipartAsync(request, mediaType, options, ct);
            if (read.Problem is not null) return read.Problem;
            upload = read.Upload!;
        }
        catch (InvalidDataException ex)
        {
            // Broken multipart framing, or headers over their limits.
            return Problems.Field("$", "multipart.invalid", $"The multipart/form-data body could not be read: {ex.Message}");
        }
        catch (BadHttpRequestException ex)
        {
            // The server's own checks while reading the body (its size limit, a body that ends early).
            return Results.Problem(detail: ex.Message, statusCode: ex.StatusCode);
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            return Results.Problem(detail: "The upload broke off before it was complete; send it again.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (upload.TaskId is { } taskId)
        {
            var task = await runtime.Store.Tasks.FindAsync(taskId, ct);
            if (task is null || task.InstanceId != id)
                return Problems.Field($"$.{TaskIdField}", "task.unknown", $"Case {id} has no task '{taskId}'.");
            if (task.Status is not (HumanTaskStatus.Open or HumanTaskStatus.Completed))
                return Problems.Field($"$.{TaskIdField}", "task.cancelled", $"Task '{taskId}' was cancelled; attach the document to the case or to another task.");
        }

        try
        {
            var document = await runtime.Store.Documents.AddAsync(
                new NewDocument(id, upload.FileName, upload.ContentType, caller.Actor, time.GetUtcNow()) { TaskId = upload.TaskId },
                upload.Content, options.MaxBytes, ct);
            return Results.Created($"/api/cases/{id}/documents/{document.Id}", ToBody(document));
        }
        catch (DocumentTooLargeException)
        {
            return TooLarge(options);
        }
    }

    private sealed record Upload(string FileName, string ContentType, MemoryStream Content, string? TaskId);

    private readonly record struct ReadResult(Upload? Upload, IResult? Problem)
    {
        public static implicit operator ReadResult(Upload upload) => new(upload, null);

        public static ReadResult Fail(IResult problem) => new(null, problem);
    }

    /// <summary>Reads the body part by part, holding no more than the file (up to the limit) and one short field.</summary>
    private static async Task<ReadResult> ReadMultipartAsync(HttpRequest request, MediaTypeHeaderValue mediaType, DocumentOptions options, CancellationToken ct)
    {
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).ToString();
        if (string.IsNullOrWhiteSpace(boundary) || boundary.Length > 70)
            return ReadResult.Fail(Problems.Field("$", "multipart.boundary", "The Content-Type needs a multipart boundary of 1 to 70 characters."));

        var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 16 * 1024 };
        (string FileName, string ContentType, MemoryStream Content)? file = null;
        string? taskId = null;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                await section.Body.CopyToAsync(Stream.Null, ct);
                continue;
            }
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
            if (name == FilePart)
            {
                if (file is not null) return ReadResult.Fail(Problems.Field($"$.{FilePart}", "file.multiple", "Send one file at a time."));
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).ToString();
                if (string.IsNullOrEmpty(fileName)) fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).ToString();
                var (checkedFile, problem) = await ReadFileAsync(fileName, section.ContentType, section.Body, options, ct);
                if (problem is not null) return ReadResult.Fail(problem);
                file = checkedFile;
            }
            else if (name == TaskIdField)
            {
                var (value, problem) = await ReadFieldAsync(section, ct);
                if (problem is not null) return ReadResult.Fail(problem);
                taskId = value;
            }
            else
            {
                // Other fields a form may carry (a submit button, an anti-forgery token): not ours.
                await section.Body.CopyToAsync(Stream.Null, ct);
            }
        }
        if (file is not { } found) return ReadResult.Fail(MissingFile());
        return new Upload(found.FileName, found.ContentType, found.Content, taskId);
    }

    /// <summary>The same checks on a form the framework has already read.</summary>
    private static async Task<ReadResult> ReadFormAsync(IFormCollection form, DocumentOptions options, CancellationToken ct)
    {
        var files = form.Files.GetFiles(FilePart);
        if (files.Count > 1) return ReadResult.Fail(Problems.Field($"$.{FilePart}", "file.multiple", "Send one file at a time."));
        if (files.Count == 0) return ReadResult.Fail(MissingFile());
        await using var body = files[0].OpenReadStream();
        var (file, problem) = await ReadFileAsync(files[0].FileName, files[0].ContentType, body, options, ct);
        if (problem is not null) return ReadResult.Fail(problem);
        var taskId = form[TaskIdField].ToString().Trim();
        if (taskId.Length > MaxTaskIdLength) return ReadResult.Fail(TaskIdTooLong());
        return new Upload(file!.Value.FileName, file.Value.ContentType, file.Value.Content, taskId.Length == 0 ? null : taskId);
    }

    /// <summary>Checks the file part's name and type, then reads its content up to the limit.</summary>
    private static async Task<((string FileName, string ContentType, MemoryStream Content)? File, IResult? Problem)> ReadFileAsync(
        string? rawFileName, string? rawContentType, Stream body, DocumentOptions options, CancellationToken ct)
    {
        // A form whose file input was left empty still sends the part, with no file name and no content.
        if (string.IsNullOrWhiteSpace(rawFileName)) return (null, MissingFile());

        if (!MediaTypeHeaderValue.TryParse(rawContentType, out var type) || type.MatchesAllTypes || type.MatchesAllSubTypes
            || !options.AllowedContentTypes.Contains(type.MediaType.ToString()))
        {
            var allowed = string.Join(", ", options.AllowedContentTypes.Order(StringComparer.Ordinal));
            return (null, Results.Problem(
                detail: $"Files of type '{rawContentType ?? "(none)"}' are not accepted. Accepted types: {allowed}.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                extensions: new Dictionary<string, object?> { ["accepted"] = options.AllowedContentTypes.Order(StringComparer.Ordinal).ToArray() }));
        }

        // Old browsers send the whole path: keep the base name only.
        var fileName = rawFileName[(rawFileName.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        if (fileName.Length == 0 || fileName is "." or "..")
            return (null, Problems.Field($"$.{FilePart}", "file.nameInvalid", "The file needs a name."));
        if (fileName.Length > MaxFileNameLength)
            return (null, Problems.Field($"$.{FilePart}", "file.nameTooLong", $"The file name must be at most {MaxFileNameLength} characters."));
        if (fileName.Any(char.IsControl))
            return (null, Problems.Field($"$.{FilePart}", "file.nameInvalid", "The file name must not contain control characters."));

        var content = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            while (true)
            {
                // Never read more than one byte past the limit, whatever Content-Length said.
                var wanted = options.MaxBytes - content.Length >= chunk.Length ? chunk.Length : (int)(options.MaxBytes - content.Length + 1);
                var read = await body.ReadAsync(chunk.AsMemory(0, wanted), ct);
                if (read == 0) break;
                if (content.Length + read > options.MaxBytes) return (null, TooLarge(options));
                content.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        if (content.Length == 0) return (null, Problems.Field($"$.{FilePart}", "file.empty", "The file is empty."));
        content.Position = 0;
        return ((fileName, type.MediaType.ToString().ToLowerInvariant(), content), null);
    }

    private static async Task<(string? Value, IResult? Problem)> ReadFieldAsync(MultipartSection section, CancellationToken ct)
    {
        using var reader = new StreamReader(section.Body);
        var buffer = new char[MaxTaskIdLength + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (read > MaxTaskIdLength) return (null, TaskIdTooLong());
        var value = new string(buffer, 0, read).Trim();
        return (value.Length == 0 ? null : value, null);
    }

    private static IResult MissingFile() =>
        Problems.Field($"$.{FilePart}", "file.required", $"Choose a file: send it in a multipart/form-data part named '{FilePart}'.");

    private static IResult TaskIdTooLong() =>
        Problems.Field($"$.{TaskIdField}", "field.tooLong", $"A task id has at most {MaxTaskIdLength} characters.");

    private static IResult TooLarge(DocumentOptions options) =>
        Results.Problem(
            detail: $"The file is larger than the limit of {FormatSize(options.MaxBytes)}.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
            extensions: new Dictionary<string, object?> { ["maxBytes"] = options.MaxBytes });

    private static string FormatSize(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";
}
