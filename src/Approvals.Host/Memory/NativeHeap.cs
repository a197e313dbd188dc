using System.Runtime.InteropServices;

namespace Approvals.Host.Memory;

/// <summary>
/// The C library's heap, which SQLite, the JIT and the runtime allocate from. glibc gives each thread that meets a busy heap an
/// arena of its own (up to eight per core) and keeps what was freed in them: after a burst of load about half of the native
/// memory this host held was free but not returned (measured with malloc_stats). Elsewhere (musl, Windows, macOS) nothing here
/// applies and every call does nothing.
/// </summary>
public static unsafe class NativeHeap
{
    private const int ArenaMaximum = -8; // M_ARENA_MAX in malloc.h
    private const int MapThreshold = -3; // M_MMAP_THRESHOLD

    private static readonly delegate* unmanaged<int, int, int> Mallopt;
    private static readonly delegate* unmanaged<nuint, int> MallocTrim;

    static NativeHeap()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libc.so.6", out var libc)) return;
        if (NativeLibrary.TryGetExport(libc, "mallopt", out var mallopt) && NativeLibrary.TryGetExport(libc, "malloc_trim", out var trim))
        {
            Mallopt = (delegate* unmanaged<int, int, int>)mallopt;
            MallocTrim = (delegate* unmanaged<nuint, int>)trim;
        }
    }

    /// <summary>Whether this process runs on glibc's heap, so the calls below take effect.</summary>
    public static bool Applies => MallocTrim != null;

    /// <summary>
    /// Caps the arenas threads created from now on may add. Two per core keep the threads of a request from waiting on one
    /// another's heap lock while not multiplying the free memory each arena keeps.
    /// </summary>
    public static void LimitArenas(int perCore = 2)
    {
        if (Mallopt == null) return;
        Mallopt(ArenaMaximum, Math.Max(2, perCore * Environment.ProcessorCount));
        // A fixed threshold: glibc otherwise raises it to the largest block freed so far (up to 32 MB), after which such
        // blocks come from an arena and stay there when freed instead of going back to the system at once.
        Mallopt(MapThreshold, 256 * 1024);
    }

    /// <summary>Returns the free pages of every arena to the operating system; true when something was returned.</summary>
    public static bool Trim() => MallocTrim != null && MallocTrim(0) == 1;
}
