using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;
using Approvals.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Approvals.Host.Tests.Api;

/// <summary>
/// Workflows with an Elsa.HttpEndpoint trigger answer under /workflows; outgoing requests go to a real server on 127.0.0.1.
/// </summary>
public sealed class HttpWorkflowTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public HttpWorkflowTests(ApprovalsHost host) => _host = host;

    private static JsonObject Input(string type, object? value, string typeName = "Object") =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = JsonValue.Create(value) } };

    private static JsonObject Node(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var node = new JsonObject { ["id"] = id, ["name"] = id, ["type"] = type };
        foreach (var (name, value) in inputs) node[name] = value;
        return node;
    }

    private static JsonObject Endpoint(string id, string path, string methods, bool authorize = false, string? policy = null)
    {
        var node = Node(id, "Elsa.HttpEndpoint", ("path", Input("Literal", path, "String")),
            ("supportedMethods", Input("Object", methods, "String[]")),
            ("authorize", Input("Literal", authorize ? "True" : "False", "Boolean")));
        if (policy is not null) node["policy"] = Input("Literal", policy, "String");
        node["customProperties"] = new JsonObject { ["canStartWorkflow"] = true };
        return node;
    }

    private static JsonObject Respond(string id, string status, string contentType, JsonObject content, string? headers = null)
    {
        var node = Node(id, "Elsa.WriteHttpResponse", ("statusCode", Input("Literal", status, "String")),
            ("contentType", Input("Literal", contentType, "String")),
            ("content", content));
        if (headers is not null) node["responseHeaders"] = Input("Object", headers);
        return node;
    }

    private static JsonObject Connection(string from, string to, string port = "Done") =>
        new() { ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" } };

    private async Task PublishAsync(string definitionId, JsonObject[] activities, JsonObject[] connections)
    {
        var json = new JsonObject
        {
            ["definitionId"] = definitionId, ["name"] = definitionId,
            ["root"] = new JsonObject { ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart", ["activities"] = new JsonArray(activities),
                ["connections"] = new JsonArray(connections) },
        };
        await PublishTextAsync(json.ToJsonString(), definitionId);
    }

    private async Task PublishTextAsync(string json, string definitionId)
    {
        var admin = await _host.As("admin");
        var imported = await admin.PostAsync("/elsa/api/workflow-definitions/import",
            new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var published = await admin.PostAsync($"/elsa/api/workflow-definitions/{definitionId}/publish", null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_to_an_endpoints_route_starts_its_workflow_and_gets_what_the_workflow_wrote()
    {
        await PublishAsync("orders-endpoint",
        [
            Endpoint("Orders", "/orders/{id}", "[\"POST\"]"),
            Respond("Reply", "Created", "application/json", Input("JavaScript",
                "return { id: getRouteDataFromOrders().id, qty: getParsedContentFromOrders().qty, q: getQueryStringDataFromOrders().q, " +
                "secrets: Object.keys(getHeadersFromOrders()).filter(function (h) { return /authorization|cookie/i.test(h); }).length };"),
                "{\"X-Order\": \"accepted\"}"),
        ], [Connection("Orders", "Reply")]);
        using var client = _host.CreateClient();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/workflows/orders/42?q=fast")
        {
            Content = new StringContent("{\"qty\": 3}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-for-workflows");
        request.Headers.Add("Cookie", "session=secret");
        var created = await client.SendAsync(request);
        var wrongMethod = await client.GetAsync("/workflows/orders/42");
        var nowhere = await client.GetAsync("/workflows/no-such-route");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("accepted", created.Headers.GetValues("X-Order").Single());
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.Equal("42", body["id"]!.GetValue<string>());
        Assert.Equal(3, body["qty"]!.GetValue<int>());
        Assert.Equal("fast", body["q"]!.GetValue<string>());
        // Credentials never reach the workflow.
        Assert.Equal(0, body["secrets"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        Assert.Equal("application/problem+json", nowhere.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_endpoint_marked_authorize_takes_a_bearer_token_and_its_policy()
    {
        await PublishAsync("guarded-endpoint",
        [
            Endpoint("Guarded", "/guarded", "[\"GET\"]", authorize: true, policy: "admin"),
            Respond("Reply", "OK", "text/plain", Input("Literal", "welcome")),
        ], [Connection("Guarded", "Reply")]);
        using var anonymous = _host.CreateClient();
        var applicant = await _host.As("applicant");
        var admin = await _host.As("admin");

        var none = await anonymous.GetAsync("/workflows/guarded");
        var refused = await applicant.GetAsync("/workflows/guarded");
        var allowed = await admin.GetAsync("/workflows/guarded");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("welcome", await allowed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_corpus_http_workflow_runs_its_sub_workflow_and_answers_with_its_output()
    {
        await PublishTextAsync(ElsaCorpus.Read("JsonWorkflowProvider-Workflows-sub.json"), "2f6ba5802e254082b00bd4dab00e650a");
        await PublishTextAsync(ElsaCorpus.Read("JsonWorkflowProvider-Workflows-main.json"), "0b1bfb787a2e464e85ef752551a4204e");
        using var client = _host.CreateClient();

        var answer = await client.GetAsync("/workflows/mymain");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        // The sub workflow returns 'hi there' + getFromMain(), as written.
        Assert.Equal("hi thereobi wan kenobi", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_outgoing_request_continues_by_its_status_code_and_a_refused_connection_has_its_own_port()
    {
        await using var upstream = await Upstream.StartAsync();
        var send = Node("Call", "Elsa.FlowSendHttpRequest",
            ("url", Input("JavaScript", "getQueryStringDataFromIncoming().url", "String")),
            ("method", Input("Literal", "GET", "String")),
            ("expectedStatusCodes", Input("Object", "[200]", "Int32[]")),
            ("timeout", Input("JavaScript", "return getQueryStringDataFromIncoming().wait || '00:00:05';", "TimeSpan")));
        await PublishAsync("relay",
        [
            Endpoint("Incoming", "/relay", "[\"GET\"]"),
            send,
            Respond("Passed", "OK", "application/json", Input("JavaScript", "return getParsedContentFromCall();")),
            Respond("Unmatched", "BadGateway", "text/plain", Input("JavaScript", "return 'upstream answered ' + getStatusCodeFromCall();")),
            Respond("Unreachable", "ServiceUnavailable", "text/plain", Input("Literal", "upstream unreachable")),
            Respond("TooSlow", "GatewayTimeout", "text/plain", Input("Literal", "upstream too slow")),
        ],
        [
            Connection("Incoming", "Call"), Connection("Call", "Passed", "200"), Connection("Call", "Unmatched", "Unmatched status code"),
            Connection("Call", "Unreachable", "Failed to connect"), Connection("Call", "TooSlow", "Timeout"),
        ]);
        using var client = _host.CreateClient();

        var ok = await client.GetAsync($"/workflows/relay?url={Uri.EscapeDataString(upstream.Url + "/ok")}");
        var busy = await client.GetAsync($"/workflows/relay?url={Uri.EscapeDataString(upstream.Url + "/busy")}");
        var closed = await client.GetAsync($"/workflows/relay?url={Uri.EscapeDataString($"http://127.0.0.1:{Upstream.ClosedPort()}/")}");
        var slow = await client.GetAsync($"/workflows/relay?wait=00:00:01&url={Uri.EscapeDataString(upstream.Url + "/slow")}");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("pong", JsonNode.Parse(await ok.Content.ReadAsStringAsync())!["answer"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadGateway, busy.StatusCode);
        Assert.Equal("upstream answered 503", await busy.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, closed.StatusCode);
        Assert.Equal(HttpStatusCode.GatewayTimeout, slow.StatusCode);
        Assert.Equal("upstream too slow", await slow.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_before_any_workflow_runs()
    {
        await using var small = new ApprovalsHost();
        small.Settings["HttpWorkflows:MaxBodyBytes"] = "1000";
        var admin = await small.As("admin");
        var json = new JsonObject
        {
            ["definitionId"] = "upload-endpoint", ["name"] = "upload-endpoint",
            ["root"] = new JsonObject
            {
                ["id"] = "Flowchart1", ["type"] = "Elsa.Flowchart",
                ["activities"] = new JsonArray(Endpoint("Upload", "/upload", "[\"POST\"]")),
                ["connections"] = new JsonArray(),
            },
        };
        await admin.PostAsync("/elsa/api/workflow-definitions/import",
            new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"));
        await admin.PostAsync("/elsa/api/workflow-definitions/upload-endpoint/publish", null);
        using var client = small.CreateClient();

        var big = await client.PostAsync("/workflows/upload", new StringContent(new string('x', 5000), Encoding.UTF8, "text/plain"));
        var fine = await client.PostAsync("/workflows/upload", new StringContent("tiny", Encoding.UTF8, "text/plain"));
        var instances = JsonNode.Parse(await (await admin.PostAsync("/elsa/api/workflow-instances",
            new StringContent("{\"definitionId\": \"upload-endpoint\"}", Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.Equal(1, instances["totalCount"]!.GetValue<int>());
    }

    /// <summary>
    /// A real HTTP server on 127.0.0.1 for outgoing requests: /ok answers JSON, /busy answers 503, /slow takes ten seconds.
    /// </summary>
    private sealed class Upstream : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Upstream(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public string Url { get; }

        public static async Task<Upstream> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapGet("/ok", () => Results.Json(new { answer = "pong" }));
            app.MapGet("/busy", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
            app.MapGet("/slow", async (CancellationToken aborted) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), aborted);
                return Results.Ok();
            });
            await app.StartAsync();
            return new Upstream(app, app.Urls.First());
        }

        /// <summary>A loopback port nobody listens on.</summary>
        public static int ClosedPort()
        {
            var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
