using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Approvals.LoadDriver;

/// <summary>Keep-alive clients spread over the hosts: applicants file courtesy requests, the protocol division decides them.</summary>
internal sealed class LoadRun
{
    private readonly List<HttpClient> _applicants;
    private readonly List<HttpClient> _reviewers;
    private readonly int _clients;

    private LoadRun(List<HttpClient> applicants, List<HttpClient> reviewers, int clients)
    {
        _applicants = applicants;
        _reviewers = reviewers;
        _clients = clients;
    }

    public static async Task<LoadRun> CreateAsync(IReadOnlyList<HostProcess> hosts, int clients)
    {
        var applicants = new List<HttpClient>();
        var reviewers = new List<HttpClient>();
        for (var i = 0; i < clients; i++)
        {
            var host = hosts[i % hosts.Count];
            applicants.Add(await SignedInAsync(host.BaseAddress, "applicant"));
            reviewers.Add(await SignedInAsync(host.BaseAddress, "protocol-division"));
        }
        return new LoadRun(applicants, reviewers, clients);
    }

    private static async Task<HttpClient> SignedInAsync(Uri baseAddress, string user)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = TimeSpan.FromHours(1) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "Approvals#2026" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<Figures> SubmitAsync(int count) => RunAsync(count, _applicants, async (client, i) =>
        await client.PostAsJsonAsync("/api/requests", new { type = "courtesy", data = Courtesy(i) }), HttpStatusCode.Created);

    /// <summary>Up to <paramref name="count"/> first-stage tasks, taken from the protocol division's inbox page by page.</summary>
    public async Task<IReadOnlyList<string>> OpenTasksAsync(int count)
    {
        var ids = new List<string>();
        var reader = _reviewers[0];
        for (var page = 1; ids.Count < count; page++)
        {
            var tasks = (await reader.GetFromJsonAsync<JsonArray>($"/api/tasks?scope=candidate&sort=created&pageSize=500&page={page}"))!;
            if (tasks.Count == 0) break;
            ids.AddRange(tasks.Select(t => t!["id"]!.GetValue<string>()));
        }
        return ids.Distinct().Take(count).ToList();
    }

    /// <summary>Approves each of the tasks once, spread over the reviewers' clients.</summary>
    public async Task<Figures> DecideAsync(IReadOnlyList<string> ids)
    {
        var queue = new ConcurrentQueue<string>(ids);
        return await RunAsync(ids.Count, _reviewers, async (client, _) =>
        {
            queue.TryDequeue(out var id);
            return await client.PostAsJsonAsync($"/api/tasks/{id}/decision",
                new { outcome = "Approved", comment = "同意", operationId = Guid.NewGuid().ToString("N") });
        }, HttpStatusCode.OK);
    }

    private async Task<Figures> RunAsync(int count, List<HttpClient> clients, Func<HttpClient, int, Task<HttpResponseMessage>> call,
        HttpStatusCode expected)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, _clients).Select(async c =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await call(clients[c], i);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != expected)
                {
                    if (Interlocked.Increment(ref errors) <= 3)
                        Console.Error.WriteLine($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        watch.Stop();
        var sorted = latencies.Order().ToArray();
        return new Figures(count / watch.Elapsed.TotalSeconds, Percentile(sorted, 0.50), Percentile(sorted, 0.99), errors);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static JsonObject Courtesy(int i) => new()
    {
        ["delegationName"] = $"代表团 {i}", ["country"] = "PL", ["leaderName"] = "Ludomir Handzel", ["leaderTitle"] = "Mayor",
        ["rank"] = "bureau", ["size"] = 6,
        ["arrival"] = "2027-03-20T10:00:00+08:00", ["departure"] = "2027-03-23T15:00:00+08:00", ["port"] = "上海浦东国际机场",
        ["hostingUnit"] = "吴江区外办",
        ["courtesies"] = new JsonArray("airport-vip"), ["justification"] = "友城代表团来访。",
    };
}

/// <summary>One phase's figures: requests per second, p50 and p99 latency in milliseconds, failed calls.</summary>
internal sealed record Figures(double Rate, double P50, double P99, int Errors);
