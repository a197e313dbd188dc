using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Security;

/// <summary>Uploads, downloads, imports and response headers as a hostile user would try them.</summary>
public sealed class UploadAndHeaderTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public UploadAndHeaderTests(ApprovalsHost host) => _host = host;

    private async Task<(string RequestId, JsonObject Attachment)> UploadAsync(string fileName, byte[] content, string uploaderType)
    {
        var id = (await _host.SubmitAsync("applicant", "courtesy", FormData.Courtesy()))["id"]!.GetValue<string>();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(uploaderType);
        using var form = new MultipartFormDataContent { { part, "file", fileName } };
        var response = await (await _host.As("applicant")).PostAsync($"/api/requests/{id}/attachments", form);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (id, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    [Theory]
    [InlineData("..\\..\\evil.pdf", "evil.pdf")]
    [InlineData("../../etc/evil.pdf", "evil.pdf")]
    [InlineData("..\\.hidden.pdf", "hidden.pdf")]
    [InlineData("C:\\Users\\x\\报告\t.pdf", "报告.pdf")]
    public async Task Attachment_names_lose_their_folders_dots_and_control_characters(string given, string stored)
    {
        var (_, attachment) = await UploadAsync(given, Encoding.UTF8.GetBytes("%PDF-1.4 x"), "application/pdf");
        Assert.Equal(stored, attachment["fileName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Downloads_carry_the_type_the_server_determined_and_only_a_real_pdf_opens_in_the_browser()
    {
        var (id, pdf) = await UploadAsync("letter.pdf", Encoding.UTF8.GetBytes("%PDF-1.4 letter"), "text/html");
        var (id2, fake) = await UploadAsync("fake.pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "text/html");
        var (id3, text) = await UploadAsync("notes.txt", Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "text/html");
        var browser = await _host.SignInAsync("applicant");

        var real = await browser.GetAsync($"/requests/{id}/attachments/{pdf["id"]}");
        Assert.Equal("application/pdf", real.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", real.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/pdf", pdf["contentType"]!.GetValue<string>());

        var forged = await browser.GetAsync($"/requests/{id2}/attachments/{fake["id"]}");
        Assert.Equal("application/octet-stream", forged.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", forged.Content.Headers.ContentDisposition!.DispositionType);

        var notes = await browser.GetAsync($"/requests/{id3}/attachments/{text["id"]}");
        Assert.Equal("text/plain", notes.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", notes.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", notes.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/inbox")]
    [InlineData("/api/request-types")]
    [InlineData("/health")]
    public async Task Every_response_forbids_sniffing_and_framing(string path)
    {
        var response = await _host.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        return buffer.ToArray();
    }

    private async Task<HttpResponseMessage> ImportAsync(byte[] zip)
    {
        var admin = await _host.As("admin");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(zip), "files", "definitions.zip" } };
        return await admin.PostAsync("/elsa/api/workflow-definitions/import-files", form);
    }

    [Fact]
    public async Task A_zip_bomb_or_a_flood_of_entries_is_refused_and_nothing_is_imported()
    {
        var admin = await _host.As("admin");
        var before = (await admin.GetFromJsonAsync<JsonObject>(
            "/elsa/api/workflow-definitions?versionOptions=Latest&pageSize=1000"))!["totalCount"]!.GetValue<int>();

        // 50 MB of zeros packs into a few kilobytes.
        var bomb = await ImportAsync(Zip(("bomb.json", new byte[50 * 1024 * 1024])));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, bomb.StatusCode);
        Assert.Contains("larger than 2 MB", await bomb.Content.ReadAsStringAsync());

        var flood = await ImportAsync(Zip(Enumerable.Range(0, 201).Select(i => ($"w{i}.json", Encoding.UTF8.GetBytes("{}"))).ToArray()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, flood.StatusCode);
        Assert.Contains("at most 200", await flood.Content.ReadAsStringAsync());

        var notZip = await ImportAsync(Encoding.UTF8.GetBytes("not a zip"));
        Assert.Equal(HttpStatusCode.BadRequest, notZip.StatusCode);
        Assert.Contains("is not a ZIP file", await notZip.Content.ReadAsStringAsync());

        var after = (await admin.GetFromJsonAsync<JsonObject>(
            "/elsa/api/workflow-definitions?versionOptions=Latest&pageSize=1000"))!["totalCount"]!.GetValue<int>();
        Assert.Equal(before, after);
    }
}
