using System.Runtime.InteropServices;
using Approvals.Host.Memory;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Memory;

/// <summary>What keeps the host's resident memory small: the workstation collector, and native heap pages handed back.</summary>
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
