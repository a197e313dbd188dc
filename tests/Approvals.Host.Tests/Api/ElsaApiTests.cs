using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Api;

/// <summary>The Elsa-compatible API under /elsa/api: descriptors, definitions, import, execute, instances, RunTask completion.</summary>
public sealed class ElsaApiTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public ElsaApiTests(ApprovalsHost host) => _host = host;

    private static string Sample(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", file));

    /// <summary>A sample under a definition id of its own (prefixed), so tests sharing the host do not share the definition.</summary>
    private static string Sample(string file, string prefix) =>
        Sample(file).Replace("\"definitionId\": \"", $"\"definitionId\": \"{prefix}-");

    private async Task<JsonObject> ImportAndPublishAsync(string json)
    {
        var admin = await _host.As("admin");
        var imported = await admin.PostAsync("/elsa/api/workflow-definitions/import",
            new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var definition = (await imported.Content.ReadFromJsonAsync<JsonObject>())!;
        var published = await admin.PostAsync(
            $"/elsa/api/workflow-definitions/{definition["definitionId"]!.GetValue<string>()}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return (await published.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [Fact]
    public async Task The_palette_has_the_approval_activities_with_ports_and_input_forms()
    {
        var client = await _host.As("admin");
        var descriptors = (await client.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/activities"))!["items"]!.AsArray();

        var review = descriptors.Single(d => d!["typeName"]!.GetValue<string>() == "Approvals.Review")!;
        Assert.Equal("Approvals", review["category"]!.GetValue<string>());
        Assert.Equal(["Approved", "Rejected", "Returned"], review["ports"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList());
        var outcomes = review["inputs"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "AllowedOutcomes")!;
        Assert.Equal("checklist", outcomes["uiHint"]!.GetValue<string>());
        Assert.Contains(descriptors, d => d!["typeName"]!.GetValue<string>() == "Elsa.Flowchart" && d["isContainer"]!.GetValue<bool>());
        var languages = (await client.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/expression-descriptors"))!["items"]!.AsArray();
        Assert.Equal(["Literal", "Object", "Variable", "JavaScript", "Liquid"], languages.Select(l => l!["type"]!.GetValue<string>()));
        var types = (await client.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/variables"))!["items"]!.AsArray();
        Assert.Contains(types, t => t!["typeName"]!.GetValue<string>() == "DateTimeOffset");
        var package = (await client.GetFromJsonAsync<JsonObject>("/elsa/api/package/version"))!;
        Assert.Equal("3.8.2", package["packageVersion"]!.GetValue<string>());
        Assert.Empty((await client.GetFromJsonAsync<JsonObject>("/elsa/api/descriptors/incident-strategies"))!["items"]!.AsArray());
        // The script editor's declarations: Elsa's functions, and the accessors of the definition's own inputs.
        var declarations = await (await client.PostAsync("/elsa/api/scripting/javascript/type-definitions/courtesy-request", null))
            .Content.ReadAsStringAsync();
        Assert.Contains("declare function getVariable(name: string): any;", declarations);
        Assert.Contains("declare function setCorrelationId(value: string): void;", declarations);
    }

    [Fact]
    public async Task The_elsa3_samples_import_and_execute()
    {
        var fork = await ImportAndPublishAsync(Sample("v3-fork-decision-join-waitall.json"));
        var admin = await _host.As("admin");

        var executed = await admin.PostAsJsonAsync(
            $"/elsa/api/workflow-definitions/{fork["definitionId"]!.GetValue<string>()}/execute", new { });
        var state = (await executed.Content.ReadFromJsonAsync<JsonObject>())!["workflowState"]!;
        Assert.Equal("Faulted", state["subStatus"]!.GetValue<string>());
        Assert.Equal("that went south", state["incidents"]![0]!["message"]!.GetValue<string>());

        var timer = await ImportAndPublishAsync(Sample("v3-timer-workflow.json"));
        var run = (await (await admin.PostAsJsonAsync($"/elsa/api/workflow-definitions/{timer["definitionId"]!.GetValue<string>()}/execute",
            new { })).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Suspended", run["workflowState"]!["subStatus"]!.GetValue<string>());
        var instanceId = run["workflowState"]!["id"]!.GetValue<string>();
        var instance = (await admin.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}"))!;
        Assert.NotNull(Assert.Single(instance["workflowState"]!["bookmarks"]!.AsArray())!["resumeAt"]);
        var journal = (await (await admin.PostAsJsonAsync($"/elsa/api/workflow-instances/{instanceId}/journal", new { }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(journal["items"]!.AsArray(), j => j!["eventName"]!.GetValue<string>() == "BookmarkCreated");
    }

    [Fact]
    public async Task The_instance_viewer_reads_executions_variables_and_counts_and_an_administrator_cancels()
    {
        // A name of its own: other tests import the same sample under its name.
        var name = $"Viewer timer {Guid.NewGuid():N}";
        var timer = await ImportAndPublishAsync(Sample("v3-timer-workflow.json", "viewer")
            .Replace("\"name\": \"TimerWorkflow\"", $"\"name\": \"{name}\""));
        var definitionId = timer["definitionId"]!.GetValue<string>();
        var admin = await _host.As("admin");
        var run = (await (await admin.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new { }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var id = run["workflowState"]!["id"]!.GetValue<string>();

        // Executions by instance, the summaries, and one by id, each named by the node id the studio matches on.
        var executions = (await admin.GetFromJsonAsync<JsonObject>($"/elsa/api/activity-executions/list?workflowInstanceId={id}"))!
            ["items"]!.AsArray();
        // The timer starts the flow and waits; the line after it has not run.
        var waiting = Assert.Single(executions)!;
        Assert.Equal("Elsa.Timer", waiting["activityType"]!.GetValue<string>());
        Assert.Equal("Running", waiting["status"]!.GetValue<string>());
        Assert.True(waiting["hasBookmarks"]!.GetValue<bool>());
        Assert.EndsWith(":89ab56281a99239", waiting["activityNodeId"]!.GetValue<string>());
        var summaries = (await admin.GetFromJsonAsync<JsonObject>(
            $"/elsa/api/activity-execution-summaries/list?workflowInstanceId={id}&activityNodeId=89ab56281a99239"))!["items"]!.AsArray();
        Assert.Equal(waiting["id"]!.GetValue<string>(), Assert.Single(summaries)!["id"]!.GetValue<string>());
        var one = (await admin.GetFromJsonAsync<JsonObject>($"/elsa/api/activity-executions/by-id?id={waiting["id"]}"))!;
        Assert.Equal(id, one["workflowInstanceId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/elsa/api/activity-executions/by-id?id=nope")).StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{id}/variables"))!["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/elsa/api/workflow-instances/nope/variables")).StatusCode);

        // The definitions' count is the list's total; a name is unique except to the definition that has it.
        var count = (await admin.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-definitions/query/count"))!["count"]!.GetValue<int>();
        var listed = (await admin.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-definitions?versionOptions=Latest&pageSize=500"))!;
        Assert.Equal(listed["totalCount"]!.GetValue<int>(), count);
        Assert.Equal(name, timer["name"]!.GetValue<string>());
        Assert.False(await IsNameUniqueAsync(admin, name, null));
        Assert.True(await IsNameUniqueAsync(admin, name, definitionId));
        Assert.True(await IsNameUniqueAsync(admin, $"{name}-{Guid.NewGuid():N}", null));

        // Searching the instances finds it by id; cancelling it is an administrator's.
        var found = await admin.PostAsJsonAsync("/elsa/api/workflow-instances", new { searchTerm = id });
        var hits = (await found.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        Assert.Equal(id, Assert.Single(hits)!["id"]!.GetValue<string>());
        var staff = await _host.As("fao-director");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/elsa/api/workflow-instances/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"/elsa/api/cancel/workflow-instances/{id}", null)).StatusCode);
        var cancelled = await admin.PostAsync($"/elsa/api/cancel/workflow-instances/{id}", null);
        Assert.Equal("Cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonObject>())!["subStatus"]!.GetValue<string>());
        var state = (await admin.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{id}/execution-state"))!;
        Assert.Equal(("Finished", "Cancelled"), (state["status"]!.GetValue<string>(), state["subStatus"]!.GetValue<string>()));
    }

    private static async Task<bool> IsNameUniqueAsync(HttpClient client, string name, string? definitionId) =>
        (await client.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-definitions/validation/is-name-unique" +
            $"?name={Uri.EscapeDataString(name)}{(definitionId is null ? "" : $"&definitionId={definitionId}")}"))!["isUnique"]!
            .GetValue<bool>();

    [Fact]
    public async Task The_elsa2_sample_imports_and_publishes_with_its_http_activities_converted()
    {
        var admin = await _host.As("admin");
        var imported = await admin.PostAsync("/elsa/api/workflow-definitions/import",
            new StringContent(Sample("v2-visual-document-approval-workflow.json"), Encoding.UTF8, "application/json"));
        var published = await admin.PostAsync("/elsa/api/workflow-definitions/932002130c54445d99d7787e9dad8207/publish", null);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var definition = JsonNode.Parse(
            await (await admin.GetAsync(
                "/elsa/api/workflow-definitions/by-definition-id/932002130c54445d99d7787e9dad8207?versionOptions=Published"))
            .Content.ReadAsStringAsync())!;
        var types = definition["root"]!["activities"]!.AsArray().Select(a => a!["type"]!.GetValue<string>()).ToList();
        Assert.Contains("Elsa.HttpEndpoint", types);
        Assert.Contains("Elsa.WriteHttpResponse", types);
    }

    [Fact]
    public async Task The_palette_has_elsas_standard_activities_and_published_workflows_usable_as_activities_with_their_consumers()
    {
        var admin = await _host.As("admin");
        JsonObject Definition(string id, string name, bool usable, JsonObject activity) => new()
        {
            ["definitionId"] = id, ["name"] = name, ["options"] = new JsonObject { ["usableAsActivity"] = usable },
            ["outputs"] = new JsonArray(new JsonObject { ["name"] = "Greeting", ["type"] = "String" }),
            ["outcomes"] = new JsonArray("Welcomed"),
            ["root"] = new JsonObject { ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart", ["activities"] = new JsonArray(activity),
                ["connections"] = new JsonArray() },
        };
        foreach (var (id, json) in new[]
                 {
                     ("greet-guest", Definition("greet-guest", "Greet Guest", true,
                         new JsonObject { ["id"] = "w", ["type"] = "Elsa.WriteLine" })),
                     ("host-dinner", Definition("host-dinner", "Host Dinner", false,
                         new JsonObject { ["id"] = "g", ["type"] = "GreetGuest", ["workflowDefinitionId"] = "greet-guest" })),
                 })
        {
            await admin.PostAsync("/elsa/api/workflow-definitions/import",
                new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/elsa/api/workflow-definitions/{id}/publish", null)).StatusCode);
        }

        var palette = JsonNode.Parse(await (await admin.GetAsync("/elsa/api/descriptors/activities"))
            .Content.ReadAsStringAsync())!["items"]!.AsArray();
        var consumers = JsonNode.Parse(await (await admin.GetAsync("/elsa/api/workflow-definitions/greet-guest/consumers"))
            .Content.ReadAsStringAsync())!;

        var types = palette.Select(d => d!["typeName"]!.GetValue<string>()).ToList();
        foreach (var type in new[] { "Elsa.HttpEndpoint", "Elsa.WriteHttpResponse", "Elsa.FlowSendHttpRequest",
            "Elsa.ExecuteWorkflow", "Elsa.DispatchWorkflow",
                     "Elsa.Cron", "Elsa.SetOutput", "Elsa.Complete", "Elsa.ParallelForEach" })
            Assert.Contains(type, types);
        var greet = palette.Single(d => d!["typeName"]!.GetValue<string>() == "GreetGuest")!;
        Assert.Equal("Workflows", greet["category"]!.GetValue<string>());
        Assert.Equal("greet-guest", greet["constructionProperties"]!["WorkflowDefinitionId"]!.GetValue<string>());
        Assert.Equal(["Welcomed", "Done"], greet["ports"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.DoesNotContain("HostDinner", types);
        var forEach = palette.Single(d => d!["typeName"]!.GetValue<string>() == "Elsa.ForEach")!;
        Assert.Contains(forEach["ports"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Body"
            && p["type"]!.GetValue<string>() == "Embedded");
        Assert.Equal("host-dinner", Assert.Single(
            consumers["consumingWorkflowDefinitions"]!.AsArray())!["definitionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publishing_a_definition_with_an_unknown_activity_is_refused_naming_its_type_and_id()
    {
        var admin = await _host.As("admin");
        var definition = new JsonObject
        {
            ["definitionId"] = "teleport", ["name"] = "Teleport",
            ["root"] = new JsonObject
            {
                ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart",
                ["activities"] = new JsonArray(new JsonObject { ["id"] = "beam-1", ["type"] = "Acme.Teleport" }),
                ["connections"] = new JsonArray(),
            },
        };
        var imported = await admin.PostAsync("/elsa/api/workflow-definitions/import",
            new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"));
        var published = await admin.PostAsync("/elsa/api/workflow-definitions/teleport/publish", null);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, published.StatusCode);
        var problem = await published.Content.ReadAsStringAsync();
        Assert.Contains("Acme.Teleport", problem);
        Assert.Contains("beam-1", problem);
    }

    [Fact]
    public async Task A_run_task_instance_finishes_when_its_task_is_completed_through_the_elsa_api()
    {
        var definition = new JsonObject
        {
            ["definitionId"] = "translate-letter", ["name"] = "Translate letter",
            ["root"] = new JsonObject
            {
                ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart",
                ["activities"] = new JsonArray(new JsonObject
                {
                    ["id"] = "t", ["type"] = "Elsa.RunTask",
                    ["taskName"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal",
                        ["value"] = "Translate" } },
                }),
                ["connections"] = new JsonArray(),
            },
        };
        await ImportAndPublishAsync(definition.ToJsonString());
        var admin = await _host.As("admin");
        var run = (await (await admin.PostAsJsonAsync("/elsa/api/workflow-definitions/translate-letter/execute", new { }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var taskId = run["workflowState"]!["bookmarks"]![0]!["payload"]!["taskId"]!.GetValue<string>();

        var forbidden = await (await _host.As("fao-director")).PostAsJsonAsync($"/elsa/api/tasks/{taskId}/complete",
            new { result = new { text = "x" } });
        var completed = await admin.PostAsJsonAsync($"/elsa/api/tasks/{taskId}/complete", new { result = new { text = "letter" } });
        var again = await admin.PostAsJsonAsync($"/elsa/api/tasks/{taskId}/complete", new { result = new { text = "again" } });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var instance = (await admin.GetFromJsonAsync<JsonObject>(
            $"/elsa/api/workflow-instances/{run["workflowState"]!["id"]!.GetValue<string>()}"))!;
        Assert.Equal("Finished", instance["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reviewers_read_definitions_administrators_edit_and_applicants_see_nothing()
    {
        var director = await _host.As("fao-director");
        var list = (await director.GetFromJsonAsync<JsonObject>("/elsa/api/workflow-definitions?versionOptions=Latest"))!;
        Assert.Contains(list["items"]!.AsArray(), d => d!["definitionId"]!.GetValue<string>() == "outbound-travel-review");
        var definition = (await director.GetFromJsonAsync<JsonObject>(
            "/elsa/api/workflow-definitions/by-definition-id/outbound-travel-review?versionOptions=Latest"))!;
        Assert.Empty(definition["links"]!.AsArray());
        Assert.Equal(HttpStatusCode.Forbidden,
            (await director.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = definition, publish = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _host.As("applicant")).GetAsync("/elsa/api/workflow-definitions")).StatusCode);

        var admin = await _host.As("admin");
        var editable = (await admin.GetFromJsonAsync<JsonObject>(
            "/elsa/api/workflow-definitions/by-definition-id/outbound-travel-review?versionOptions=Latest"))!;
        Assert.Contains(editable["links"]!.AsArray(), l => l!["rel"]!.GetValue<string>() == "publish");
        editable["description"] = "修订：会审法定人数为 3";
        var saved = (await (await admin.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = editable, publish = true }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, saved["workflowDefinition"]!["version"]!.GetValue<int>());
        Assert.True(saved["workflowDefinition"]!["isPublished"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_instance_viewer_gets_execution_state_a_paged_journal_and_an_execution_report_by_node_id()
    {
        var request = await _host.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        await _host.DecideOkAsync("sister-city-division", request["id"]!.GetValue<string>(), "Approved");
        var instanceId = request["instanceId"]!.GetValue<string>();
        var staff = await _host.As("fao-director");

        var state = (await staff.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-instances/{instanceId}/execution-state"))!;
        Assert.Equal(("Running", "Suspended"), (state["status"]!.GetValue<string>(), state["workflowSubStatus"]!.GetValue<string>()));

        var all = (await (await staff.PostAsJsonAsync($"/elsa/api/workflow-instances/{instanceId}/journal?skip=0&take=1000", new { }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        var page = (await (await staff.PostAsJsonAsync($"/elsa/api/workflow-instances/{instanceId}/journal?skip=2&take=3", new { }))
            .Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(3, page["items"]!.AsArray().Count);
        Assert.Equal(all["items"]![2]!["id"]!.GetValue<string>(), page["items"]![0]!["id"]!.GetValue<string>());
        // Every record names a node, workflow-level events the root flowchart's.
        Assert.All(all["items"]!.AsArray(), item => Assert.StartsWith("Workflow1:Flowchart1", item!["nodeId"]!.GetValue<string>()));

        var report = (await (await staff.PostAsJsonAsync("/elsa/api/activity-executions/report", new
        {
            workflowInstanceId = instanceId,
            activityIds = new[] { "Workflow1:Flowchart1:division", "Workflow1:Flowchart1:director", "Workflow1:Flowchart1:leadership" },
        })).Content.ReadFromJsonAsync<JsonObject>())!["stats"]!.AsArray();
        var division = report.Single(s => s!["activityId"]!.GetValue<string>() == "division")!;
        var director = report.Single(s => s!["activityId"]!.GetValue<string>() == "director")!;
        var leadership = report.Single(s => s!["activityId"]!.GetValue<string>() == "leadership")!;
        Assert.Equal((1, 1, false), (division["startedCount"]!.GetValue<int>(), division["completedCount"]!.GetValue<int>(),
            division["isBlocked"]!.GetValue<bool>()));
        Assert.Equal((1, 0, true), (director["startedCount"]!.GetValue<int>(), director["completedCount"]!.GetValue<int>(),
            director["isBlocked"]!.GetValue<bool>()));
        Assert.Equal(0, leadership["startedCount"]!.GetValue<int>());

        var missing = await staff.GetAsync("/elsa/api/workflow-instances/nope/execution-state");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Versions_list_newest_first_and_a_definition_is_deleted_only_when_no_instance_ran_on_it()
    {
        var admin = await _host.As("admin");
        // Its own definition id: other tests in this class import the same sample.
        var imported = await ImportAndPublishAsync(Sample("v3-timer-workflow.json", "versions"));
        var definitionId = imported["definitionId"]!.GetValue<string>();
        Assert.StartsWith("versions-", definitionId);
        var v1 = await admin.GetFromJsonAsync<JsonObject>(
            $"/elsa/api/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published");
        var draft = (JsonObject)v1!.DeepClone();
        draft["description"] = "second version";
        var saved = await admin.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = draft, publish = true });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());

        var versions = (await admin.GetFromJsonAsync<JsonObject>(
            "/elsa/api/workflow-definitions?versionOptions=AllVersions" +
            $"&DefinitionIds={definitionId}&OrderBy=Version&OrderDirection=Descending"))!;
        Assert.Equal([2, 1], versions["items"]!.AsArray().Select(v => v!["version"]!.GetValue<int>()));

        // Version 1 never ran: it can go, and version 2 stays the latest.
        var v1Id = versions["items"]![1]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/elsa/api/workflow-definition-versions/{v1Id}")).StatusCode);
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonObject>(
            $"/elsa/api/workflow-definitions/by-definition-id/{definitionId}"))!["version"]!.GetValue<int>());

        // Once an instance runs on it, the definition is kept (409) until it is retracted and left alone.
        await admin.PostAsJsonAsync($"/elsa/api/workflow-definitions/{definitionId}/execute", new { });
        var refused = await admin.DeleteAsync($"/elsa/api/workflow-definitions/{definitionId}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("instances ran on version 2",
            (await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK,
            (await admin.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{definitionId}")).StatusCode);

        // A definition nothing ran on is deleted with all its versions; staff who are not administrators may not.
        var unused = await admin.PostAsync("/elsa/api/workflow-definitions/import",
            new StringContent(Sample("v3-timer-workflow.json", "unused"), Encoding.UTF8, "application/json"));
        var unusedId = (await unused.Content.ReadFromJsonAsync<JsonObject>())!["definitionId"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Forbidden,
            (await (await _host.As("fao-director")).DeleteAsync($"/elsa/api/workflow-definitions/{unusedId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/elsa/api/workflow-definitions/{unusedId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await admin.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{unusedId}")).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_of_a_request_workflow_cannot_be_published_under_the_same_request_type()
    {
        var admin = await _host.As("admin");
        var original = (await admin.GetFromJsonAsync<JsonObject>(
            "/elsa/api/workflow-definitions/by-definition-id/courtesy-request?versionOptions=Published"))!;
        var copy = (JsonObject)original.DeepClone();
        copy["definitionId"] = "courtesy-request-copy";
        copy.Remove("id");
        copy["name"] = "礼遇请示（副本）";

        var refused = await admin.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = copy, publish = true });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("'courtesy-request'", problem["errors"]!["customProperties.requestType.code"]![0]!.GetValue<string>());

        // As a draft it is kept; with its own code it publishes, and both request types are offered.
        Assert.Equal(HttpStatusCode.OK,
            (await admin.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = copy, publish = false })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest,
            (await admin.PostAsync("/elsa/api/workflow-definitions/courtesy-request-copy/publish", null)).StatusCode);
        copy["customProperties"]!["requestType"]!["code"] = "courtesy-copy";
        Assert.Equal(HttpStatusCode.OK,
            (await admin.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model = copy, publish = true })).StatusCode);
        var codes = (await (await _host.As("applicant")).GetFromJsonAsync<JsonArray>("/api/request-types"))!.Select(t =>
            t!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("courtesy", codes);
        Assert.Contains("courtesy-copy", codes);
    }

    [Fact]
    public async Task The_studios_file_import_takes_json_and_zip_files_and_one_broken_file_saves_nothing()
    {
        var admin = await _host.As("admin");
        var sample = Sample("v3-timer-workflow.json");
        string Renamed(string prefix) => Sample("v3-timer-workflow.json", prefix);

        using var zipped = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(zipped, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        await using (var writer = new StreamWriter(zip.CreateEntry("inner.json").Open())) await writer.WriteAsync(Renamed("zipped"));

        var broken = new MultipartFormDataContent
        {
            { new StringContent(Renamed("first")), "files", "first.json" },
            { new StringContent("{ \"definitionId\": \"x\", \"root\": "), "files", "broken.json" },
        };
        var refused = await admin.PostAsync("/elsa/api/workflow-definitions/import-files", broken);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("line", (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["broken.json"]![0]!.GetValue<string>());
        var firstId = "first-" + JsonNode.Parse(sample)!["definitionId"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound,
            (await admin.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/{firstId}")).StatusCode);

        var files = new MultipartFormDataContent
        {
            { new StringContent(Renamed("first")), "files", "first.json" },
            { new ByteArrayContent(zipped.ToArray()), "files", "more.zip" },
        };
        var imported = await admin.PostAsync("/elsa/api/workflow-definitions/import-files", files);
        Assert.Equal(2, (await imported.Content.ReadFromJsonAsync<JsonObject>())!["count"]!.GetValue<int>());
        var first = (await admin.GetFromJsonAsync<JsonObject>($"/elsa/api/workflow-definitions/by-definition-id/{firstId}"))!;
        Assert.False(first["isPublished"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK,
            (await admin.GetAsync($"/elsa/api/workflow-definitions/by-definition-id/zipped-{JsonNode.Parse(sample)!["definitionId"]}"))
            .StatusCode);
    }
}
