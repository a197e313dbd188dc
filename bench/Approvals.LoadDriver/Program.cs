using System.Diagnostics;
using Approvals.LoadDriver;

// An HTTP load driver against the real Release host: it starts one or more host processes on 127.0.0.1 (the embedded
// SQLite default, or one PostgreSQL database), files courtesy requests as `applicant` with K keep-alive clients, then
// decides their first-stage tasks as `protocol-division`, and prints rates, latencies and the hosts' memory at each
// level of open requests, with the hosts' CPU time per call. Figures only; nothing is asserted.
//
//   dotnet run -c Release --project bench/Approvals.LoadDriver -- [--clients 8] [--levels 1000,10000,100000]
//       [--decisions 2000] [--hosts 1] [--postgres "Host=127.0.0.1;Port=5432;…"] [--url http://127.0.0.1:5080 (a running host)
//       [--host-pids 1234 (its process, for its memory and CPU)]]
var settings = DriverSettings.Parse(args);
var repository = DriverSettings.FindRepository();
Console.WriteLine($"Approvals load driver — {Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd HH:mm}, clients " +
    $"{settings.Clients}, " +
    $"{settings.Hosts} host(s) on {(settings.Postgres is null ? "SQLite (embedded default)" : "PostgreSQL")}");
if (settings.Urls.Count == 0) await HostProcess.BuildReleaseAsync(repository);

var data = Path.Combine(Path.GetTempPath(), "approvals-load", Guid.NewGuid().ToString("N"));
var hosts = new List<HostProcess>();
try
{
    hosts.AddRange(settings.Urls.Select((url, i) => HostProcess.Running(url, i < settings.HostPids.Count ? settings.HostPids[i] : null)));
    for (var i = 0; i < (settings.Urls.Count > 0 ? 0 : settings.Hosts); i++)
    {
        var watch = Stopwatch.StartNew();
        hosts.Add(await HostProcess.StartAsync(repository, Path.Combine(data, settings.Postgres is null ? "" : $"host{i}"),
            settings.Postgres));
        Console.WriteLine($"host {i + 1} on {hosts[^1].BaseAddress} answered /health after {watch.Elapsed.TotalSeconds:F1} s");
    }
    var load = await LoadRun.CreateAsync(hosts, settings.Clients);
    // A server that has run a while has its code compiled and its caches filled: warm up before measuring.
    var warm = Math.Min(settings.Warmup, settings.Levels[0]);
    await load.SubmitAsync(warm);
    await load.DecideAsync(await load.OpenTasksAsync(warm));
    var open = warm;
    Console.WriteLine();
    Console.WriteLine("| open requests | submissions/s | submit p50 ms | submit p99 ms | decisions/s | decide p50 ms | decide p99 ms " +
        "| errors | RSS MB | host CPU ms per submission / decision |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var level in settings.Levels)
    {
        var filed = level - open;
        var before = HostCpu(hosts);
        var submitted = await load.SubmitAsync(filed);
        var afterSubmissions = HostCpu(hosts);
        open = level;
        var ids = await load.OpenTasksAsync(settings.Decisions);
        var beforeDecisions = HostCpu(hosts);
        var decided = await load.DecideAsync(ids);
        var afterDecisions = HostCpu(hosts);
        var rss = hosts.Sum(h => h.ResidentMegabytes());
        Console.WriteLine($"| {level:N0} | {submitted.Rate:F0} | {submitted.P50:F1} | {submitted.P99:F1} | {decided.Rate:F0} | " +
            $"{decided.P50:F1} | {decided.P99:F1} | " +
            $"{submitted.Errors + decided.Errors} | {rss:F0} | {PerCall(before, afterSubmissions, filed)} / " +
            $"{PerCall(beforeDecisions, afterDecisions, ids.Count)} |");
    }
    // The hosts once the load has passed, still holding every open request: what an office's server holds between bursts
    // (the figures above are taken the moment a level's last decision is answered).
    await Task.Delay(TimeSpan.FromSeconds(15));
    Console.WriteLine();
    Console.WriteLine($"RSS 15 s after the last level, {open:N0} requests open: {hosts.Sum(h => h.ResidentMegabytes()):F0} MB");
}
finally
{
    foreach (var host in hosts) host.Dispose();
    try
    {
        Directory.Delete(data, recursive: true);
    }
    catch (IOException)
    {
        // Left for the temp folder's cleaner.
    }
}

// The hosts' CPU time together; null when a host's process is not known (`--url` without `--host-pids`).
static TimeSpan? HostCpu(IEnumerable<HostProcess> hosts) =>
    hosts.Select(h => h.CpuTime()).Aggregate((TimeSpan?)TimeSpan.Zero, (sum, cpu) => sum is null || cpu is null ? null : sum + cpu);

// Milliseconds of the hosts' CPU per call of a phase: what the code costs, whatever share of the cores the machine gave it.
// Work a phase leaves behind (mail, the title index) is counted in the next phase.
static string PerCall(TimeSpan? before, TimeSpan? after, int calls) =>
    before is null || after is null || calls == 0 ? "—" : $"{(after.Value - before.Value).TotalMilliseconds / calls:F2}";
