using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MimeKit;

namespace Approvals.Host.Tests.Support;

/// <summary>Small workflows the tests publish through the Elsa API: a review that reminds, a timer that writes a line.</summary>
public static class Drills
{
    /// <summary>A review for the director that reminds every <paramref name="interval"/>, then escalates to the city leadership.</summary>
    public static string ReminderDrill(string id, string interval, int maxReminders) => Flowchart(id, new JsonArray(new JsonObject
    {
        ["id"] = "review", ["type"] = "Approvals.Review", ["name"] = "Drill review",
        ["title"] = Literal("演练审批 " + id),
        ["roles"] = new JsonObject { ["typeName"] = "String[]", ["expression"] = new JsonObject { ["type"] = "Object",
            ["value"] = "[\"fao-director\"]" } },
        ["reminderInterval"] = Literal(interval),
        ["maxReminders"] = Literal(maxReminders.ToString(), "Int32"),
        ["escalateTo"] = Literal("city-leadership"),
    }), new JsonArray());

    /// <summary>Waits <paramref name="delay"/> (an ISO 8601 duration), then runs the activity <c>after</c>.</summary>
    public static string TimerDrill(string id, string delay) => Flowchart(id, new JsonArray(
        new JsonObject { ["id"] = "wait", ["type"] = "Elsa.Delay", ["timeSpan"] = Literal(delay, "TimeSpan") },
        new JsonObject { ["id"] = "after", ["type"] = "Elsa.WriteLine", ["text"] = Literal("timer fired") }),
        new JsonArray(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "wait", ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = "after", ["port"] = "In" },
        }));

    /// <summary>A review for the director whose approval leads into an activity that faults (its expression throws).</summary>
    public static string FaultAfterReviewDrill(string id) => Flowchart(id, new JsonArray(
        new JsonObject
        {
            ["id"] = "review", ["type"] = "Approvals.Review", ["name"] = "Drill review", ["title"] = Literal("演练审批 " + id),
            ["roles"] = new JsonObject { ["typeName"] = "String[]", ["expression"] = new JsonObject { ["type"] = "Object",
                ["value"] = "[\"fao-director\"]" } },
        },
        new JsonObject
        {
            ["id"] = "broken", ["type"] = "Elsa.WriteLine",
            ["text"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "JavaScript",
                ["value"] = "throw new Error('the archive is offline')" } },
        }),
        new JsonArray(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = "review", ["port"] = "Approved" },
            ["target"] = new JsonObject { ["activity"] = "broken", ["port"] = "In" },
        }));

    /// <summary>A first activity whose expression always throws: the instance faults at once.</summary>
    public static string FaultingDrill(string id) => Flowchart(id, new JsonArray(new JsonObject
    {
        ["id"] = "broken", ["type"] = "Elsa.WriteLine",
        ["text"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "JavaScript",
            ["value"] = "throw new Error('the archive is offline')" } },
    }), new JsonArray());

    /// <summary>Imports and publishes a definition through the Elsa API.</summary>
    public static async Task PublishAsync(HttpClient admin, string id, string definition)
    {
        var imported = await admin.PostAsync("/elsa/api/workflow-definitions/import",
            new StringContent(definition, Encoding.UTF8, "application/json"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var published = await admin.PostAsync($"/elsa/api/workflow-definitions/{id}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
    }

    /// <summary>Starts an instance of a published definition; returns its id.</summary>
    public static async Task<string> ExecuteAsync(HttpClient admin, string id)
    {
        var response = await admin.PostAsJsonAsync($"/elsa/api/workflow-definitions/{id}/execute", new { });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["workflowState"]!["id"]!.GetValue<string>();
    }

    public static async Task<string> StartReminderDrillAsync(HttpClient admin, string id, string interval, int maxReminders)
    {
        await PublishAsync(admin, id, ReminderDrill(id, interval, maxReminders));
        return await ExecuteAsync(admin, id);
    }

    /// <summary>The director approves the drill's review from their inbox.</summary>
    public static async Task DecideAsync(HttpClient director, string instanceId)
    {
        var task = (await director.GetFromJsonAsync<JsonArray>("/api/tasks?scope=candidate"))!.Single(t =>
            t!["workflowInstanceId"]!.GetValue<string>() == instanceId)!;
        var decided = await director.PostAsJsonAsync($"/api/tasks/{task["id"]!.GetValue<string>()}/decision",
            new { outcome = "Approved", operationId = instanceId });
        Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
    }

    public static bool IsReminder(MimeMessage m, string id) => m.Headers["X-Approvals-Template"] == "reminder"
        && (m.Subject ?? "").Contains(id);

    private static string Flowchart(string id, JsonArray activities, JsonArray connections) => new JsonObject
    {
        ["definitionId"] = id, ["name"] = id,
        ["root"] = new JsonObject { ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart", ["activities"] = activities,
            ["connections"] = connections },
    }.ToJsonString();

    private static JsonObject Literal(string value, string type = "String") =>
        new() { ["typeName"] = type, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
}
