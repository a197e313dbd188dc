using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Security;

/// <summary>
/// Nobody reviews their own request: no transfer or delegation to the applicant, and a proxy who is the applicant cannot decide.
/// </summary>
public sealed class SelfApprovalTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public SelfApprovalTests(ApprovalsHost host) => _host = host;

    private async Task<string> IdOfAsync(string userName) =>
        (await (await _host.As("admin")).GetFromJsonAsync<JsonArray>("/api/admin/users"))!.Single(u =>
            u!["userName"]!.GetValue<string>() == userName)!["id"]!.GetValue<string>();

    private async Task<(string RequestId, string TaskId)> CourtesyAsync()
    {
        var id = (await _host.SubmitAsync("applicant", "courtesy", FormData.Courtesy()))["id"]!.GetValue<string>();
        return (id, (await _host.RequestAsync("applicant", id))["currentTasks"]![0]!["taskId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("reassign")]
    [InlineData("delegate")]
    public async Task A_task_cannot_be_handed_to_the_applicant_of_its_request(string verb)
    {
        var (_, taskId) = await CourtesyAsync();
        var applicantId = await IdOfAsync("applicant");
        var reviewer = await _host.As("protocol-division");

        var response = await reviewer.PostAsJsonAsync($"/api/tasks/{taskId}/{verb}", new { toUserId = applicantId, comment = "请自行处理" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("applicant of a request may not review it", problem["errors"]!["toUserId"]![0]!.GetValue<string>());
        var task = (await (await _host.As("protocol-division")).GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;
        Assert.Null(task["assigneeId"]?.GetValue<string>());
        // An administrator's transfer is refused too.
        var admin = await (await _host.As("admin")).PostAsJsonAsync($"/api/tasks/{taskId}/reassign", new { toUserId = applicantId });
        Assert.Equal(HttpStatusCode.BadRequest, admin.StatusCode);
    }

    [Theory]
    [InlineData("decision")]
    [InlineData("claim")]
    public async Task An_applicant_who_is_a_reviewers_proxy_cannot_decide_or_claim_their_own_request(string verb)
    {
        var applicantId = await IdOfAsync("applicant");
        var reviewer = await _host.As("protocol-division");
        var granted = await reviewer.PostAsJsonAsync("/api/proxies", new
        {
            substituteId = applicantId, from = DateTimeOffset.UtcNow.AddMinutes(-1), to = DateTimeOffset.UtcNow.AddDays(3), reason = "休假",
        });
        Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync());
        var (requestId, taskId) = await CourtesyAsync();

        var acted = await (await _host.As("applicant")).PostAsJsonAsync($"/api/tasks/{taskId}/{verb}",
            new { outcome = "Approved", comment = "自己批", operationId = Guid.NewGuid().ToString("N") });

        Assert.Equal(HttpStatusCode.Forbidden, acted.StatusCode);
        var task = (await (await _host.As("protocol-division")).GetFromJsonAsync<JsonObject>($"/api/tasks/{taskId}"))!;
        Assert.Equal("Open", task["status"]!.GetValue<string>());
        Assert.Empty((await _host.RequestAsync("applicant", requestId))["history"]!.AsArray());
        // The reviewer still decides it.
        await _host.DecideOkAsync("protocol-division", requestId, "Approved", "同意");
    }
}
