using System.Diagnostics;
using Approvals.LoadDriver;

// An HTTP load driver against the real Release host: it starts one or more host processes on 127.0.0.1 (the embedded
// SQLite default, or one PostgreSQL database), files courtesy requests as `applicant` with K keep-alive clients, then
// decides their first-stage tasks as `protocol-division`, and prints rates, latencies and the hosts' memory at each
// level of open requests. Figures only; nothing is asserted.
//
//   dotnet run -c Release --project bench/Approvals.LoadDriver -- [--clients 8] [--levels 1000,10000,100000]
//       [--decisions 2000] [--hosts 1] [--postgres "Host=127.0.0.1;Port=5432;…"] [--url http://127.0.0.1:5080 (a running host)]
var settings = DriverSettings.Parse(args);
var repository = DriverSettings.FindRepository();
Console.WriteLine($"Approvals load driver — {Environment.ProcessorCount} cores, {DateTime.Now:yyyy-MM-dd HH:mm}, clients {settings.Clients}, " +
    $"{settings.Hosts} host(s) on {(settings.Postgres is null ? "SQLite (embedded default)" : "PostgreSQL")}");
if (settings.Urls.Count == 0) await HostProcess.BuildReleaseAsync(repository);

var data = Path.Combine(Path.GetTempPath(), "approvals-load", Guid.NewGuid().ToString("N"));
var hosts = new List<HostProcess>();
try
{
    hosts.AddRange(settings.Urls.Select(HostProcess.Running));
    for (var i = 0; i < (settings.Urls.Count > 0 ? 0 : settings.Hosts); i++)
    {
        var watch = Stopwatch.StartNew();
        hosts.Add(await HostProcess.StartAsync(repository, Path.Combine(data, settings.Postgres is null ? "" : $"host{i}"), settings.Postgres));
        Console.WriteLine($"host {i + 1} on {hosts[^1].BaseAddress} answered /health after {watch.Elapsed.TotalSeconds:F1} s");
    }
    var load = await LoadRun.CreateAsync(hosts, settings.Clients);
    // A server that has run a while has its code compiled and its caches filled: warm up before measuring.
    var warm = Math.Min(settings.Warmup, settings.Levels[0]);
    await load.SubmitAsync(warm);
    await load.DecideAsync(warm);
    var open = warm;
    Console.WriteLine();
    Console.WriteLine("| open requests | submissions/s | submit p50 ms | submit p99 ms | decisions/s | decide p50 ms | decide p99 ms | errors | RSS MB |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var level in settings.Levels)
    {
        var submitted = await load.SubmitAsync(level - open);
        open = level;
        var decided = await load.DecideAsync(settings.Decisions);
        var rss = hosts.Sum(h => h.ResidentMegabytes());
        Console.WriteLine($"| {level:N0} | {submitted.Rate:F0} | {submitted.P50:F1} | {submitted.P99:F1} | {decided.Rate:F0} | {decided.P50:F1} | {decided.P99:F1} | " +
            $"{submitted.Errors + decided.Errors} | {rss:F0} |");
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
