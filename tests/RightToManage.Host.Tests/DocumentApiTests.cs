using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RightToManage.Host.Endpoints;
using RightToManage.Host.Identity;
using RightToManage.Host.Tests.Identity;
using RightToManage.Workflows.Definitions;
using RightToManage.Workflows.Persistence;
using RightToManage.Workflows.Runtime;
using RightToManage.Workflows.Tasks;

namespace RightToManage.Host.Tests;

/// <summary>Documents attached to cases, through the real HTTP pipeline on real PostgreSQL, as the demo users.</summary>
public class DocumentApiTests(DocumentApiTests.SharedHost shared) : IClassFixture<DocumentApiTests.SharedHost>
{
    /// <summary>Small, so that "too large" is cheap to send.</summary>
    private const int MaxBytes = 64 * 1024;

    /// <summary>One host for the class (each test starts its own cases), with a small document limit.</summary>
    public sealed class SharedHost : IAsyncLifetime
    {
        public HostFactory Host { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Host = await HostFactory.CreateAsync(settings: new Dictionary<string, string> { ["Documents:MaxBytes"] = MaxBytes.ToString() });

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    private HostFactory Host => shared.Host;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% a proposal notice\n%%EOF\n");

    private async Task<Guid> StartCaseAsync(string definitionId = "proposal-notice-decision")
    {
        var client = await SignedIn.AsAsync(Host, DemoSeed.LaOfficer);
        var started = await client.PostAsJsonAsync("/api/cases", new
        {
            definitionId,
            organisations = new Dictionary<string, string> { ["tmo"] = DemoSeed.Tmo, ["local-authority"] = DemoSeed.Council },
        });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static MultipartFormDataContent Form(byte[]? content, string fileName = "Proposal notice.pdf", string contentType = "application/pdf", string? taskId = null)
    {
        var form = new MultipartFormDataContent();
        if (taskId is not null) form.Add(new StringContent(taskId), "taskId");
        if (content is not null)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            form.Add(file, "file", fileName);
        }
        return form;
    }

    /// <summary>A file part with a Content-Disposition written by hand, as some browsers send it.</summary>
    private static MultipartFormDataContent RawForm(byte[] content, string disposition, string contentType = "application/pdf")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        file.Headers.TryAddWithoutValidation("Content-Disposition", disposition).Should().BeTrue();
        var form = new MultipartFormDataContent { file };
        return form;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task Expect422Async(HttpResponseMessage response, string path, string code)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Contain(path);
        problem.GetProperty("codes").EnumerateArray().Select(c => c.GetProperty("code").GetString()).Should().Contain(code);
    }

    [Fact]
    public async Task An_officer_uploads_a_document_that_the_case_s_parties_can_list_and_download()
    {
        var id = await StartCaseAsync();
        var officer = await SignedIn.AsAsync(Host, DemoSeed.LaOfficer);

        var uploaded = await officer.PostAsync($"/api/cases/{id}/documents", Form(Pdf));
        uploaded.StatusCode.Should().Be(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var body = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        var documentId = body.GetProperty("id").GetGuid();
        uploaded.Headers.Location!.ToString().Should().Be($"/api/cases/{id}/documents/{documentId}");
        body.GetProperty("fileName").GetString().Should().Be("Proposal notice.pdf");
        body.GetProperty("contentType").GetString().Should().Be("application/pdf");
        body.GetProperty("size").GetInt64().Should().Be(Pdf.Length);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        body.GetProperty("sha256").GetString().Should().Be(sha256);
        body.GetProperty("uploadedBy").GetString().Should().StartWith("api-key:").And.EndWith("(user:la-officer@demo-council.example)");
        body.GetProperty("uploadedAt").GetDateTimeOffset().Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        body.TryGetProperty("taskId", out _).Should().BeFalse("it belongs to no task");

        // A TMO member follows the case: may read its documents.
        foreach (var reader in new[] { officer, await SignedIn.AsAsync(Host, DemoSeed.TmoMember), await SignedIn.AsAsync(Host, DemoSeed.Admin) })
        {
            var list = await reader.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/documents");
            list.EnumerateArray().Should().ContainSingle().Which.GetProperty("sha256").GetString().Should().Be(sha256);

            var download = await reader.GetAsync($"/api/cases/{id}/documents/{documentId}");
            download.StatusCode.Should().Be(HttpStatusCode.OK);
            (await download.Content.ReadAsByteArrayAsync()).Should().Equal(Pdf);
            download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
            download.Content.Headers.ContentLength.Should().Be(Pdf.Length);
            download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
            download.Content.Headers.ContentDisposition.FileNameStar.Should().Be("Proposal notice.pdf");
            download.Headers.ETag!.Tag.Should().Be($"\"{sha256}\"");
            download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
            download.Headers.CacheControl!.Private.Should().BeTrue();
        }
    }

    [Fact]
    public async Task A_download_is_not_sent_again_when_the_client_has_it()
    {
        var id = await StartCaseAsync();
        var officer = await SignedIn.AsAsync(Host, DemoSeed.LaOfficer);
        var body = await (await officer.PostAsync($"/api/cases/{id}/documents", Form(Pdf))).Content.ReadFromJsonAsync<JsonElement>();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{id}/documents/{body.GetProperty("id").GetGuid()}");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{body.GetProperty("sha256").GetString()}\""));
        (await officer.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task A_file_name_is_kept_as_a_base_name_and_sent_back_safely_encoded()
    {
        var id = await StartCaseAsync();
        var officer = await SignedIn.AsAsync(Host, DemoSeed.LaOfficer);

        const string name = "Décision \"finale\"; v2.pdf";
        // As a browser sends a name that is not plain ASCII: RFC 5987 in filename*, a fallback in filename.
        var uploaded = await officer.PostAsync($"/api/cases/{id}/documents",
            RawForm(Pdf, "form-data; name=\"file\"; filename=\"Decision.pdf\"; filename*=UTF-8''D%C3%A9cision%20%22finale%22%3B%20v2.pdf"));
        uploaded.StatusCode.Should().Be(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var documentId = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var download = await officer.GetAsync($"/api/cases/{id}/documents/{documentId}");
        var disposition = download.Content.Headers.GetValues("Content-Disposition").Single();
        disposition.Should().StartWith("attachment;").And.Contain("filename*=UTF-8''D%C3%A9cision");
        disposition.Should().NotContain("\r").And.NotContain("\n");
        download.Content.Headers.ContentDisposition!.FileNameStar.Should().Be(name);

        foreach (var (disposed, kept) in new[]
        {
            ("form-data; name=\"file\"; filename=\"C:\\Users\\olu\\Competence report.pdf\"", "Competence report.pdf"),
            ("form-data; name=\"file\"; filename=\"../../etc/ballot-result.pdf\"", "ballot-result.pdf"),
        })
        {
            var response = await officer.PostAsync($"/api/cases/{id}/documents", RawForm(Pdf, disposed));
            response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString().Should().Be(kept);
        }
    }

    [Fact]
    public async Task Bad_uploads_are_refused_and_store_nothing()
    {
        var id = await StartCaseAsync();
        var officer = await SignedIn.AsAsync(Host, DemoSeed.LaOfficer);
        var url = $"/api/cases/{id}/documents";

        var gif = await ProblemAsync(await officer.PostAsync(url, Form(Pdf, "photo.gif", "image/gif")), HttpStatusCode.UnsupportedMediaType);
        gif.GetProperty("accepted").EnumerateArray().Select(t => t.GetString()).Should().Contain("application/pdf");
        await ProblemAsync(await officer.PostAsync(url, Form(Pdf, "page.html", "text/html")), HttpStatusCode.UnsupportedMediaType);
        await ProblemAsync(await officer.PostAsync(url, RawForm(Pdf, "form-data; name=\"file\"; filename=\"x.pdf\"", "application/octet-stream")), HttpStatusCode.UnsupportedMediaType);
        await ProblemAsync(await officer.PostAsync(url, new ByteArrayContent(Pdf) { Headers = { ContentType = new("application/pdf") } }), HttpStatusCode.UnsupportedMediaType);
        await ProblemAsync(await officer.PostAsync(url, JsonContent.Create(new { file = "x" })), HttpStatusCode.UnsupportedMediaType);

        await ProblemAsync(await officer.PostAsync(url, Form(new byte[MaxBytes + 1])), HttpStatusCode.RequestEntityTooLarge);
        // Not trusting Content-Length: a chunked body with none is counted as it arrives.
        var chunked = Form(new byte[MaxBytes * 3]);
        await chunked.LoadIntoBufferAsync();
        var streamed = new StreamContent(await chunked.ReadAsStreamAsync());
        streamed.Headers.ContentType = chunked.Headers.ContentType;
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        await ProblemAsync(await officer.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);

        await Expect422Async(await officer.PostAsync(url, Form(null, taskId: "x")), "$.file", "file.required");
        await Expect422Async(await officer.PostAsync(url, Form([])), "$.file", "file.empty");
        // A GOV.UK file input left empty: the part is sent with no name and no content.
        await Expect422Async(await officer.PostAsync(url, RawForm([], "form-data; name=\"file\"; filename=\"\"", "application/octet-stream")), "$.file", "file.required");
        await Expect422Async(await officer.PostAsync(url, Form(Pdf, new string('a', 252) + ".pdf")), "$.file", "file.nameTooLong");
        await Expect422Async(await officer.PostAsync(url, RawForm(Pdf, "form-data; name=\"file\"; filename=\"a/\"")), "$.file", "file.nameInvalid");
        var two = Form(Pdf);
        two.Add(new ByteArrayContent(Pdf) { Headers = { ContentType = new("application/pdf") } }, "file", "second.pdf");
        await Expect422Async(await officer.PostAsync(url, two), "$.file", "file.multiple");
        await Expect422Async(await officer.PostAsync(url, Form(Pdf, taskId: "no-such-task")), "$.taskId", "task.unknown");
        await Expect422Async(await officer.PostAsync(url, Form(Pdf, taskId: new string('t', 201))), "$.taskId", "field.tooLong");

        var broken = new ByteArrayContent(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"\r\nContent-Type: application/pdf\r\n\r\nabc"));
        broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        var brokenResponse = await officer.PostAsync(url, broken);
        ((int)brokenResponse.StatusCode).Should().BeOneOf(400, 422);
        var noBoundary = new ByteArrayContent(Pdf);
        noBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        await Expect422Async(await officer.PostAsync(url, noBoundary), "$", "multipart.boundary");

        (await officer.GetFromJsonAsync<JsonElement>(url)).GetArrayLength().Should().Be(0, "no failed upload left anything behind");

        var atLimit = await officer.PostAsync(url, Form(new byte[MaxBytes], "exactly-the-limit.txt", "text/plain; charset=utf-8"));
        atLimit.StatusCode.Should().Be(HttpStatusCode.Created, await atLimit.Content.ReadAsStringAsync());
        (await atLimit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contentType").GetString().Should().Be("text/plain");
    }

    [Fact]
    public async Task Only_those_who_may_see_a_case_reach_its_documents_and_only_those_who_act_on_it_upload()
    {
        var id = await StartCaseAsync();
        var other = await StartCaseAsync();
        var officer = await SignedIn.AsAsync(Host, DemoSeed.LaOfficer);
        var documentId = (await (await officer.PostAsync($"/api/cases/{id}/documents", Form(Pdf))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var anonymous = Host.CreateClient();
        (await anonymous.GetAsync($"/api/cases/{id}/documents")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"/api/cases/{id}/documents/{documentId}")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsync($"/api/cases/{id}/documents", Form(Pdf))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // An assessor's organisation is not a party to the case: for them it does not exist.
        var outsider = await SignedIn.AsAsync(Host, DemoSeed.Assessor);
        await ProblemAsync(await outsider.GetAsync($"/api/cases/{id}/documents"), HttpStatusCode.NotFound);
        await ProblemAsync(await outsider.GetAsync($"/api/cases/{id}/documents/{documentId}"), HttpStatusCode.NotFound);
        await ProblemAsync(await outsider.PostAsync($"/api/cases/{id}/documents", Form(Pdf)), HttpStatusCode.NotFound);

        // A TMO member sees the case but does not act on it.
        var member = await SignedIn.AsAsync(Host, DemoSeed.TmoMember);
        await ProblemAsync(await member.PostAsync($"/api/cases/{id}/documents", Form(Pdf)), HttpStatusCode.Forbidden);
        var committee = await SignedIn.AsAsync(Host, DemoSeed.TmoCommittee);
        (await committee.PostAsync($"/api/cases/{id}/documents", Form(Pdf, "committee minutes.pdf"))).StatusCode.Should().Be(HttpStatusCode.Created);

        await ProblemAsync(await officer.GetAsync($"/api/cases/{other}/documents/{documentId}"), HttpStatusCode.NotFound);
        await ProblemAsync(await officer.GetAsync($"/api/cases/{id}/documents/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ProblemAsync(await officer.GetAsync($"/api/cases/{Guid.NewGuid()}/documents"), HttpStatusCode.NotFound);
        await ProblemAsync(await officer.PostAsync($"/api/cases/{Guid.NewGuid()}/documents", Form(Pdf)), HttpStatusCode.NotFound);
        (await officer.GetFromJsonAsync<JsonElement>($"/api/cases/{other}/documents")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task A_session_in_the_web_app_uploads_with_its_anti_forgery_token()
    {
        var id = await StartCaseAsync();
        var session = await SignedIn.WithCookieAsync(Host, DemoSeed.LaManager);
        var uploaded = await session.PostAsync($"/api/cases/{id}/documents", Form(Pdf));
        uploaded.StatusCode.Should().Be(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("uploadedBy").GetString().Should().Be("user:la-manager@demo-council.example");
    }

    private const string TaskDefinition = """
    {
      "id": "documents-task", "version": 1, "name": "A task to attach documents to",
      "variables": [ { "name": "answers", "type": "json" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "review", "type": "UserTask", "stage": "Review",
          "inputs": { "title": "Review the competence report", "instructions": "Read the assessor's report.", "source": "SI 2012/1821", "outcomes": ["done"], "candidateParty": "local-authority", "candidateRole": "la-officer" },
          "outputs": { "data": "answers" } },
        { "id": "end", "type": "End", "inputs": { "outcome": "reviewed" } }
      ],
      "connections": [
        { "source": { "activity": "start", "port": "done" }, "target": { "activity": "review" } },
        { "source": { "activity": "review", "port": "done" }, "target": { "activity": "end" } }
      ]
    }
    """;

    [Fact]
    public async Task A_document_can_be_attached_to_a_task_of_its_case_and_no_other()
    {
        var catalog = Host.Services.GetRequiredService<DefinitionCatalog>();
        if (await Host.Services.GetRequiredService<IWorkflowStore>().FindDefinitionAsync("documents-task", 1) is null)
        {
            var parsed = DefinitionJson.Parse(TaskDefinition);
            parsed.Errors.Should().BeEmpty();
            await catalog.AddAsync(parsed.Definition!, DefinitionOrigin.Database, publish: true);
        }
        var id = await StartCaseAsync("documents-task");
        var other = await StartCaseAsync("documents-task");
        var runtime = Host.Services.GetRequiredService<WorkflowRuntime>();
        var taskId = (await runtime.Store.Tasks.QueryAsync(new TaskQuery { InstanceId = id })).Tasks.Single().Id;
        var otherTaskId = (await runtime.Store.Tasks.QueryAsync(new TaskQuery { InstanceId = other })).Tasks.Single().Id;

        var officer = await SignedIn.AsAsync(Host, DemoSeed.LaOfficer);
        var uploaded = await officer.PostAsync($"/api/cases/{id}/documents", Form(Pdf, "competence report.pdf", taskId: taskId));
        uploaded.StatusCode.Should().Be(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("taskId").GetString().Should().Be(taskId);
        (await officer.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/documents"))[0].GetProperty("taskId").GetString().Should().Be(taskId);

        await Expect422Async(await officer.PostAsync($"/api/cases/{id}/documents", Form(Pdf, taskId: otherTaskId)), "$.taskId", "task.unknown");
        // A blank field (a form's hidden input with no task) means no task.
        var blank = await officer.PostAsync($"/api/cases/{id}/documents", Form(Pdf, taskId: " "));
        blank.StatusCode.Should().Be(HttpStatusCode.Created);
        (await blank.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("taskId", out _).Should().BeFalse();
    }

    [Fact]
    public void The_limits_default_to_20_MiB_and_common_document_types()
    {
        var defaults = DocumentOptions.From(new ConfigurationBuilder().Build());
        defaults.MaxBytes.Should().Be(20 * 1024 * 1024);
        defaults.AllowedContentTypes.Should().BeEquivalentTo(
            "application/pdf", "image/png", "image/jpeg", "text/plain", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/msword", "application/vnd.oasis.opendocument.text");

        var configured = DocumentOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Documents:MaxBytes"] = "1000", ["Documents:AllowedContentTypes"] = "application/pdf, image/png" })
            .Build());
        configured.MaxBytes.Should().Be(1000);
        configured.AllowedContentTypes.Should().BeEquivalentTo("application/pdf", "image/png");

        var bad = () => DocumentOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Documents:MaxBytes"] = "0" }).Build());
        bad.Should().Throw<InvalidOperationException>();
    }
}
