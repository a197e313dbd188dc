using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Approvals.Host.Tests.Support;

/// <summary>Small helpers over the REST API, as a client program would use it.</summary>
public static class Api
{
    public static async Task<JsonObject> SubmitAsync(this ApprovalsHost host, string user, string type, JsonObject data)
    {
        var client = await host.As(user);
        var response = await client.PostAsJsonAsync("/api/requests", new { type, data });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> RequestAsync(this ApprovalsHost host, string user, string id)
    {
        var client = await host.As(user);
        return (await client.GetFromJsonAsync<JsonObject>($"/api/requests/{id}"))!;
    }

    /// <summary>Finds the caller's task for the request in their inbox and decides it through the API.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(this ApprovalsHost host, string user, string requestId, string outcome,
        string? comment = null, JsonObject? payload = null, string? stage = null)
    {
        var client = await host.As(user);
        var tasks = (await client.GetFromJsonAsync<JsonArray>("/api/tasks?scope=all"))!;
        var task = tasks.Single(t => t!["requestId"]?.GetValue<string>() == requestId
            && (stage is null || t["stage"]!.GetValue<string>() == stage));
        return await client.PostAsJsonAsync($"/api/tasks/{task!["id"]!.GetValue<string>()}/decision",
            new { outcome, comment, operationId = Guid.NewGuid().ToString("N"), payload });
    }

    public static async Task DecideOkAsync(this ApprovalsHost host, string user, string requestId, string outcome, string? comment = null,
        JsonObject? payload = null, string? stage = null)
    {
        var response = await host.DecideAsync(user, requestId, outcome, comment, payload, stage);
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"{user} {outcome}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
