using System.Net;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Approvals.Host.Memory;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Memory;

/// <summary>
/// What keeps the host's resident memory small: the workstation collector, native heap pages handed back, and no
/// PostgreSQL assemblies on SQLite.
/// </summary>
public sealed class HostMemoryTests
{
    [Fact]
    public async Task The_host_runs_the_workstation_collector_without_a_collector_thread_per_core()
    {
        Assert.True(OperatingSystem.IsLinux(), "the host runs on Linux here");
        await using var host = await HostProcess.Start(new Dictionary<string, string>()).ReadyAsync();

        var threads = Directory.GetDirectories($"/proc/{host.ProcessId}/task")
            .Select(t => File.ReadAllText(Path.Combine(t, "comm")).Trim()).ToList();

        // The server collector names its threads ".NET Server GC"; the workstation one collects on the allocating thread.
        Assert.Contains(".NET Finalizer", threads);
        Assert.DoesNotContain(threads, t => t.Contains("Server GC", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_on_SQLite_never_loads_the_PostgreSQL_assemblies_while_it_files_claims_and_decides()
    {
        await using var host = await HostProcess.Start(new Dictionary<string, string>()).ReadyAsync();
        var applicant = await host.As("applicant");
        var reviewer = await host.As("protocol-division");

        var filed = await applicant.PostAsJsonAsync("/api/requests", new { type = "courtesy", data = FormData.Courtesy() });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var tasks = (await reviewer.GetFromJsonAsync<JsonArray>("/api/tasks?scope=candidate&sort=created"))!;
        var id = Assert.Single(tasks)!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync($"/api/tasks/{id}/claim", null)).StatusCode);
        var decided = await reviewer.PostAsJsonAsync($"/api/tasks/{id}/decision", new { outcome = "Approved", comment = "同意" });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        // Every assembly the runtime loaded is mapped into the process.
        var mapped = File.ReadLines($"/proc/{host.ProcessId}/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 5).Select(f => Path.GetFileName(f[5])).Distinct().ToList();
        Assert.Contains("Microsoft.Data.Sqlite.dll", mapped);
        Assert.Contains("Hangfire.Storage.SQLite.dll", mapped);
        Assert.DoesNotContain(mapped, m => m.StartsWith("Npgsql", StringComparison.Ordinal)
            || m.StartsWith("Hangfire.PostgreSql", StringComparison.Ordinal));
    }

    [Fact]
    public void Freed_native_memory_goes_back_to_the_system_when_the_heap_is_trimmed()
    {
        Assert.True(NativeHeap.Applies, "this machine runs on glibc, where the trim applies");
        NativeHeap.LimitArenas();
        // 48 MB in blocks small enough to come from an arena (not mapped one by one), and one block after them that stays,
        // so the freed ones are not at the heap's end, where free() would give them back by itself.
        var blocks = Enumerable.Range(0, 48 * 256).Select(_ => Marshal.AllocHGlobal(4000)).ToList();
        var ones = Enumerable.Repeat((byte)1, 4000).ToArray();
        foreach (var block in blocks) Marshal.Copy(ones, 0, block, ones.Length);
        var kept = Marshal.AllocHGlobal(4000);
        var used = ResidentKilobytes();
        foreach (var block in blocks) Marshal.FreeHGlobal(block);
        var freed = ResidentKilobytes();

        var trimmed = NativeHeap.Trim();
        var after = ResidentKilobytes();
        Marshal.FreeHGlobal(kept);

        Assert.True(used - freed < 8 * 1024, $"glibc returned the blocks by itself ({used} kB → {freed} kB): nothing to show");
        Assert.True(trimmed, "the trim returned nothing");
        Assert.True(freed - after > 24 * 1024, $"resident memory went only from {freed} kB to {after} kB");
    }

    private static long ResidentKilobytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }
}
