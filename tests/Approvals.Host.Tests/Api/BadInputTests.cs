using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Api;

/// <summary>Bad input gets RFC 9457 problem details naming the field or path, and nothing is saved.</summary>
public sealed class BadInputTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public BadInputTests(ApprovalsHost host) => _host = host;

    private async Task<int> CountMyRequestsAsync() =>
        (await (await _host.As("applicant2")).GetFromJsonAsync<JsonArray>("/api/requests"))!.Count;

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_with_its_position()
    {
        var before = await CountMyRequestsAsync();
        var client = await _host.As("applicant2");

        var response = await client.PostAsync("/api/requests", new StringContent("{\"type\": \"courtesy\", \"data\": {\"size\": }",
            Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("line 1", problem["errors"]!.AsObject().First().Value![0]!.GetValue<string>());
        Assert.Equal(before, await CountMyRequestsAsync());
    }

    [Fact]
    public async Task An_unknown_type_is_named()
    {
        var client = await _host.As("applicant2");
        var problem = await ProblemAsync(await client.PostAsJsonAsync("/api/requests", new { type = "visa", data = new { } }),
            HttpStatusCode.BadRequest);
        Assert.Contains("visa", problem["errors"]!["type"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_and_invalid_fields_are_each_named_and_nothing_is_saved()
    {
        var before = await CountMyRequestsAsync();
        var client = await _host.As("applicant2");
        var data = FormData.Courtesy();
        data.Remove("leaderName");
        data["size"] = 0;
        data["departure"] = "2026-12-19T10:00:00+08:00";

        var problem = await ProblemAsync(await client.PostAsJsonAsync("/api/requests", new { type = "courtesy", data }),
            HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.Equal("is required", errors["leaderName"]![0]!.GetValue<string>());
        Assert.StartsWith("must be at least", errors["size"]![0]!.GetValue<string>());
        Assert.Equal("must not be before arrival", errors["departure"]![0]!.GetValue<string>());
        Assert.Equal(before, await CountMyRequestsAsync());
        var missing = await ProblemAsync(await client.PostAsJsonAsync("/api/requests", new { type = "courtesy" }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["data"]);
    }

    [Fact]
    public async Task An_oversize_or_forbidden_attachment_is_refused()
    {
        var id = (await _host.SubmitAsync("applicant2", "courtesy", FormData.Courtesy()))["id"]!.GetValue<string>();
        var client = await _host.As("applicant2");

        using var big = new MultipartFormDataContent { { new ByteArrayContent(new byte[10 * 1024 * 1024 + 1]), "file", "scan.pdf" } };
        var tooBig = await ProblemAsync(await client.PostAsync($"/api/requests/{id}/attachments", big), HttpStatusCode.BadRequest);
        Assert.Contains("at most", tooBig["errors"]!["file"]![0]!.GetValue<string>());
        using var huge = new MultipartFormDataContent { { new ByteArrayContent(new byte[50 * 1024 * 1024]), "file", "scan.pdf" } };
        var tooLarge = await ProblemAsync(await client.PostAsync($"/api/requests/{id}/attachments", huge),
            HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("at most 10,485,760 bytes (10 MB)", tooLarge["detail"]!.GetValue<string>());
        using var exe = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "tool.exe" } };
        await ProblemAsync(await client.PostAsync($"/api/requests/{id}/attachments", exe), HttpStatusCode.BadRequest);
        using var ok = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 invitation")),
            "file", "invitation.pdf" } };
        var created = await client.PostAsync($"/api/requests/{id}/attachments", ok);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var details = await _host.RequestAsync("applicant2", id);
        var attachment = Assert.Single(details["attachments"]!.AsArray());
        Assert.Equal("invitation.pdf", attachment!["fileName"]!.GetValue<string>());
        var download = await client.GetByteArrayAsync($"/api/requests/{id}/attachments/{attachment["id"]!.GetValue<string>()}");
        Assert.Equal("%PDF-1.4 invitation", Encoding.UTF8.GetString(download));
    }

    [Fact]
    public async Task A_decision_without_a_required_comment_names_the_comment()
    {
        var id = (await _host.SubmitAsync("applicant2", "courtesy", FormData.Courtesy()))["id"]!.GetValue<string>();

        var response = await _host.DecideAsync("protocol-division", id, "Rejected");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["comment"]);
    }

    private async Task<HttpResponseMessage> SubmitRawAsync(byte[] body)
    {
        var client = await _host.As("applicant2");
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return await client.PostAsync("/api/requests", content);
    }

    private static byte[] CourtesyWith(string delegationNameJson)
    {
        var data = FormData.Courtesy();
        data["delegationName"] = "PLACEHOLDER";
        var json = new JsonObject { ["type"] = "courtesy", ["data"] = data }.ToJsonString();
        return Encoding.UTF8.GetBytes(json.Replace("\"PLACEHOLDER\"", delegationNameJson));
    }

    [Fact]
    public async Task Invalid_utf8_is_a_problem_naming_the_position_and_nothing_is_saved()
    {
        var before = await CountMyRequestsAsync();
        var body = CourtesyWith("\"XX\"");
        var at = Array.IndexOf(body, (byte)'X');
        body[at] = 0xC3; // a lead byte followed by a character that cannot continue it
        body[at + 1] = 0x28;

        var problem = await ProblemAsync(await SubmitRawAsync(body), HttpStatusCode.BadRequest);

        Assert.Contains("UTF-8", problem.ToJsonString());
        Assert.Equal(before, await CountMyRequestsAsync());
    }

    [Theory]
    [InlineData("\"\\ud800 delegation\"", "unpaired surrogate")]
    [InlineData("\"delegation\\u0000name\"", "control character (U+0000")]
    [InlineData("\"bell\\u0007\"", "control character (U+0007")]
    public async Task Strings_that_are_not_text_are_refused_at_their_field(string value, string message)
    {
        var before = await CountMyRequestsAsync();

        var problem = await ProblemAsync(await SubmitRawAsync(CourtesyWith(value)), HttpStatusCode.BadRequest);

        Assert.Contains(message, problem["errors"]!["delegationName"]![0]!.GetValue<string>());
        Assert.Equal(before, await CountMyRequestsAsync());
    }

    [Fact]
    public async Task A_comment_that_is_not_text_is_refused_and_the_task_stays_open()
    {
        var id = (await _host.SubmitAsync("applicant", "courtesy", FormData.Courtesy()))["id"]!.GetValue<string>();
        var taskId = (await _host.RequestAsync("applicant", id))["currentTasks"]![0]!["taskId"]!.GetValue<string>();
        var client = await _host.As("protocol-division");
        foreach (var comment in new[] { "\\ud800", "ok\\u0000" })
        {
            var body = new StringContent($"{{\"outcome\":\"Returned\",\"comment\":\"{comment}\",\"operationId\":\"{Guid.NewGuid():N}\"}}",
                Encoding.UTF8, "application/json");
            var response = await client.PostAsync($"/api/tasks/{taskId}/decision", body);
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Contains("comment", problem.ToJsonString());
        }
        Assert.Empty((await _host.RequestAsync("applicant", id))["history"]!.AsArray());
    }
}
