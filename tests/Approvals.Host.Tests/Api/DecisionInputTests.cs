using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Api;

/// <summary>A decision either goes through or is refused with the reason at its field: never a 200 while nothing happened.</summary>
public sealed class DecisionInputTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public DecisionInputTests(ApprovalsHost host) => _host = host;

    /// <summary>A ministerial courtesy request up to the provincial FAO's answer (an external decision).</summary>
    private async Task<(string RequestId, string TaskId)> AtProvincialDecisionAsync()
    {
        var id = (await _host.SubmitAsync("applicant", "courtesy", FormData.Courtesy("ministerial")))["id"]!.GetValue<string>();
        await _host.DecideOkAsync("protocol-division", id, "Approved");
        await _host.DecideOkAsync("fao-director", id, "Approved");
        await _host.DecideOkAsync("city-leadership", id, "Approved");
        var details = await _host.RequestAsync("fao-liaison", id);
        return (id, details["currentTasks"]![0]!["taskId"]!.GetValue<string>());
    }

    private async Task<HttpResponseMessage> DecideAsync(string user, string taskId, string outcome, JsonObject? payload,
        string? comment = null) =>
        await (await _host.As(user)).PostAsJsonAsync($"/api/tasks/{taskId}/decision",
            new { outcome, comment, operationId = Guid.NewGuid().ToString("N"), payload });

    private static async Task<string> ErrorAtAsync(HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return problem["errors"]![path]![0]!.GetValue<string>();
    }

    [Theory]
    [InlineData("{\"documentNumber\":{\"n\":1},\"date\":\"2026-03-10\"}", "payload.documentNumber", "must be text")]
    [InlineData("{\"documentNumber\":\"苏外礼〔2026〕5号\",\"date\":\"not a date\"}", "payload.date", "must be a date (yyyy-MM-dd)")]
    [InlineData("{\"documentNumber\":\"苏外礼〔2026〕5号\",\"date\":\"1899-02-30\"}", "payload.date", "must be a date (yyyy-MM-dd)")]
    [InlineData("{\"documentNumber\":\"苏外礼〔2026〕5号\",\"date\":\"1899-02-28\"}", "payload.date", "between 1950 and 2100")]
    [InlineData("{\"documentNumber\":\"苏外礼〔2026〕5号\",\"date\":20260310}", "payload.date", "must be a date (yyyy-MM-dd)")]
    [InlineData("{\"documentNumber\":\"no digits\",\"date\":\"2026-03-10\"}", "payload.documentNumber", "must be a document number")]
    public async Task Recorded_fields_are_checked_by_type_and_a_refused_decision_changes_nothing(string payload,
        string path, string message)
    {
        var (requestId, taskId) = await AtProvincialDecisionAsync();

        var response = await DecideAsync("fao-liaison", taskId, "Approved", JsonNode.Parse(payload)!.AsObject());

        Assert.Contains(message, await ErrorAtAsync(response, path));
        var details = await _host.RequestAsync("fao-liaison", requestId);
        Assert.Equal(taskId, details["currentTasks"]![0]!["taskId"]!.GetValue<string>());
        Assert.Equal("Running/Suspended", details["instanceStatus"]!.GetValue<string>());
        await _host.DecideOkAsync("fao-liaison", requestId, "Approved", payload: new JsonObject { ["documentNumber"] = "苏外礼〔2026〕5号",
            ["date"] = "2026-03-10" });
        Assert.Equal("Approved", (await _host.RequestAsync("applicant", requestId))["request"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_comment_longer_than_a_page_is_refused_at_the_comment()
    {
        var id = (await _host.SubmitAsync("applicant", "courtesy", FormData.Courtesy()))["id"]!.GetValue<string>();
        var taskId = (await _host.RequestAsync("applicant", id))["currentTasks"]![0]!["taskId"]!.GetValue<string>();

        var response = await DecideAsync("protocol-division", taskId, "Returned", null, new string('长', 1024 * 1024));

        Assert.Contains("at most 4000 characters", await ErrorAtAsync(response, "comment"));
        Assert.Empty((await _host.RequestAsync("applicant", id))["history"]!.AsArray());
    }

    [Fact]
    public async Task A_decision_the_workflow_cannot_carry_out_is_a_422_and_the_task_stays_open()
    {
        var admin = await _host.As("admin");
        await Drills.PublishAsync(admin, "fault-after-review", Drills.FaultAfterReviewDrill("fault-after-review"));
        var instanceId = await Drills.ExecuteAsync(admin, "fault-after-review");
        var director = await _host.As("fao-director");
        var task = (await director.GetFromJsonAsync<JsonArray>("/api/tasks?scope=candidate"))!.Single(t =>
            t!["workflowInstanceId"]!.GetValue<string>() == instanceId)!;

        var response = await director.PostAsJsonAsync($"/api/tasks/{task["id"]}/decision",
            new { outcome = "Approved", operationId = "fault-1" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("the archive is offline", problem["detail"]!.GetValue<string>());
        var again = (await director.GetFromJsonAsync<JsonObject>($"/api/tasks/{task["id"]}"))!;
        Assert.Equal("Open", again["status"]!.GetValue<string>());
        var instance = (await admin.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}"))!;
        Assert.NotEqual("Faulted", instance["subStatus"]!.GetValue<string>());
    }
}
