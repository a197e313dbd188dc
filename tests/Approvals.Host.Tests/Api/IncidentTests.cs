using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Api;

/// <summary>
/// Faulted instances: reported as Elsa reports them, listed for administrators with what went wrong, retried from the API.
/// </summary>
public sealed class IncidentTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public IncidentTests(ApprovalsHost host) => _host = host;

    [Fact]
    public async Task A_faulted_instance_is_finished_faulted_on_the_elsa_api_listed_and_retried()
    {
        var admin = await _host.As("admin");
        await Drills.PublishAsync(admin, "faulting-drill", Drills.FaultingDrill("faulting-drill"));
        var instanceId = await Drills.ExecuteAsync(admin, "faulting-drill");

        var instance = (await admin.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}"))!;
        Assert.Equal(("Finished", "Faulted"), (instance["status"]!.GetValue<string>(), instance["subStatus"]!.GetValue<string>()));
        var listed = (await admin.PostAsJsonAsync("/elsa/api/workflow-instances", new { definitionId = "faulting-drill" }));
        var item = (await listed.Content.ReadFromJsonAsync<JsonObject>())!["items"]![0]!;
        Assert.Equal("Finished", item["status"]!.GetValue<string>());

        var incidents = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/incidents"))!;
        var open = incidents.Single(i => i!["instanceId"]!.GetValue<string>() == instanceId)!;
        Assert.Contains("the archive is offline", open["entries"]![0]!["message"]!.GetValue<string>());

        // The retry runs the faulted activity again; it faults again and says so.
        var retried = await admin.PostAsync($"/api/admin/instances/{instanceId}/retry", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var result = (await retried.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Faulted", result["subStatus"]!.GetValue<string>());
        Assert.Contains("the archive is offline", result["newIncidents"]![0]!.GetValue<string>());
        var again = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/incidents"))!.Single(i =>
            i!["instanceId"]!.GetValue<string>() == instanceId)!;
        Assert.Single(again["entries"]!.AsArray()); // the first incident was resolved by the retry, the new one is open

        // The Elsa API's retry is the same, for administrators.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/elsa/api/workflow-instances/{instanceId}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await (await _host.As("fao-director")).PostAsync($"/api/admin/instances/{instanceId}/retry", null)).StatusCode);
    }

    [Fact]
    public async Task Retrying_an_instance_that_is_not_faulted_is_a_conflict()
    {
        var id = (await _host.SubmitAsync("applicant", "courtesy", FormData.Courtesy()))["instanceId"]!.GetValue<string>();
        var response = await (await _host.As("admin")).PostAsync($"/api/admin/instances/{id}/retry", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("is not faulted", (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }
}
