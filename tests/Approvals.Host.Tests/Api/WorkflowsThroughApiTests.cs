using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Api;

/// <summary>Each shipped workflow driven end to end through /api by the users of DOMAIN.md.</summary>
public sealed class WorkflowsThroughApiTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public WorkflowsThroughApiTests(ApprovalsHost host) => _host = host;

    [Fact]
    public async Task Health_answers_and_every_demo_user_can_sign_in()
    {
        var health = await _host.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var openApi = await _host.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/requests", openApi);
        Assert.Contains("/api/tasks/{id}/decision", openApi);
        Assert.Equal(HttpStatusCode.OK, (await _host.CreateClient().GetAsync("/openapi/index.html")).StatusCode);
        foreach (var user in new[] { "admin", "applicant", "applicant2", "unit-head", "sister-city-division",
            "outbound-division", "protocol-division",
                     "fao-director", "city-leadership", "board1", "board2", "board3", "board4", "board5", "fao-liaison" })
        {
            var client = await _host.As(user);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tasks")).StatusCode);
        }
    }

    [Fact]
    public async Task A_sister_city_filing_goes_through_every_stage()
    {
        var submitted = await _host.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        var id = submitted["id"]!.GetValue<string>();
        Assert.StartsWith("SC-", submitted["number"]!.GetValue<string>());
        Assert.Equal("待友城处审核", submitted["status"]!.GetValue<string>());

        await _host.DecideOkAsync("sister-city-division", id, "Approved");
        await _host.DecideOkAsync("fao-director", id, "Approved");
        await _host.DecideOkAsync("city-leadership", id, "Approved");
        var external = new JsonObject { ["documentNumber"] = "苏外友〔2026〕9号", ["date"] = "2026-10-01" };
        await _host.DecideOkAsync("fao-liaison", id, "Approved", payload: external, stage: "provincial");
        await _host.DecideOkAsync("fao-liaison", id, "Approved", payload: new JsonObject { ["documentNumber"] = "外友〔2026〕30号",
            ["date"] = "2026-10-20" }, stage: "national");
        await _host.DecideOkAsync("applicant", id, "Recorded", payload: new JsonObject { ["signingDate"] = "2026-11-01",
            ["signedAgreement"] = "att-2" });

        var details = await _host.RequestAsync("applicant", id);
        Assert.Equal("Closed", details["request"]!["state"]!.GetValue<string>());
        Assert.Equal(6, details["history"]!.AsArray().Count);
        Assert.Empty(details["currentTasks"]!.AsArray());
        Assert.Contains(details["audit"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "ExternalDecision");
        Assert.Equal("Finished/Finished", details["instanceStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_outbound_trip_is_approved_by_the_board_and_numbered()
    {
        var submitted = await _host.SubmitAsync("applicant", "outbound-travel", FormData.Travel());
        var id = submitted["id"]!.GetValue<string>();

        await _host.DecideOkAsync("unit-head", id, "Approved");
        await _host.DecideOkAsync("outbound-division", id, "Approved", stage: "preReview");
        await _host.DecideOkAsync("board1", id, "Approved");
        await _host.DecideOkAsync("board2", id, "Approved");
        await _host.DecideOkAsync("board3", id, "Approved");
        var afterBoard = await _host.RequestAsync("outbound-division", id);
        Assert.Equal("issue", afterBoard["currentTasks"]![0]!["stage"]!.GetValue<string>());
        await _host.DecideOkAsync("outbound-division", id, "Approved", stage: "issue");

        var details = await _host.RequestAsync("applicant", id);
        Assert.Matches(@"^苏外出〔2026〕\d+号$", details["request"]!["documentNumber"]!.GetValue<string>());
        Assert.Equal(5, details["policyChecks"]!.AsArray().Count);
        // The trip is already over on today's clock: the report is due.
        Assert.Equal("report", details["currentTasks"]![0]!["stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_courtesy_request_of_bureau_rank_is_approved_by_the_director()
    {
        var submitted = await _host.SubmitAsync("applicant", "courtesy", FormData.Courtesy("bureau"));
        var id = submitted["id"]!.GetValue<string>();

        await _host.DecideOkAsync("protocol-division", id, "Approved");
        await _host.DecideOkAsync("fao-director", id, "Approved");

        var details = await _host.RequestAsync("applicant", id);
        Assert.Equal("Approved", details["request"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_returned_request_is_resubmitted_through_the_api()
    {
        var id = (await _host.SubmitAsync("applicant", "courtesy", FormData.Courtesy("ministerial")))["id"]!.GetValue<string>();
        await _host.DecideOkAsync("protocol-division", id, "Returned", "请补充警卫需求");

        var data = FormData.Courtesy("ministerial");
        data["courtesies"] = new JsonArray("airport-vip", "police-escort");
        data["delegationName"] = "捷克俄斯特拉发市代表团";
        var client = await _host.As("applicant");
        var response = await client.PostAsJsonAsync($"/api/requests/{id}/resubmit", new { data, operationId = "resubmit-1" });
        // The same operation again (a retry after a lost answer) is answered as the first; another one finds nothing to resubmit.
        var repeated = await client.PostAsJsonAsync($"/api/requests/{id}/resubmit", new { data, operationId = "resubmit-1" });
        var another = await client.PostAsJsonAsync($"/api/requests/{id}/resubmit", new { data, operationId = "resubmit-2" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, another.StatusCode);
        var details = await _host.RequestAsync("applicant", id);
        Assert.Equal(2, details["revision"]!.GetValue<int>());
        Assert.Equal("protocol", details["currentTasks"]![0]!["stage"]!.GetValue<string>());
        // The title follows the revised data.
        Assert.EndsWith("捷克俄斯特拉发市代表团", details["request"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_decision_is_a_conflict_and_a_repeated_operation_is_not()
    {
        var id = (await _host.SubmitAsync("applicant", "sister-city", FormData.SisterCity()))["id"]!.GetValue<string>();
        var client = await _host.As("sister-city-division");
        var task = (await client.GetFromJsonAsync<JsonArray>("/api/tasks?scope=candidate"))!.Single(t =>
            t!["requestId"]!.GetValue<string>() == id)!;
        var url = $"/api/tasks/{task["id"]!.GetValue<string>()}/decision";

        var first = await client.PostAsJsonAsync(url, new { outcome = "Approved", operationId = "op-1" });
        var repeat = await client.PostAsJsonAsync(url, new { outcome = "Approved", operationId = "op-1" });
        var second = await client.PostAsJsonAsync(url, new { outcome = "Rejected", comment = "no", operationId = "op-2" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);
        Assert.Contains("already decided", (await second.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }
}
