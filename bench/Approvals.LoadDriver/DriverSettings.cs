namespace Approvals.LoadDriver;

/// <summary>The driver's command line.</summary>
internal sealed record DriverSettings(
    int Clients, IReadOnlyList<int> Levels, int Decisions, int Hosts, string? Postgres, IReadOnlyList<Uri> Urls, int Warmup,
    IReadOnlyList<int> HostPids)
{
    public static DriverSettings Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new DriverSettings(
            int.Parse(Value("--clients") ?? "8"),
            (Value("--levels") ?? "1000,10000,100000").Split(',').Select(int.Parse).ToList(),
            int.Parse(Value("--decisions") ?? "2000"),
            int.Parse(Value("--hosts") ?? "1"),
            Value("--postgres"),
            (Value("--url") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToList(),
            int.Parse(Value("--warmup") ?? "500"),
            (Value("--host-pids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList());
    }

    /// <summary>The repository root: the folder above this program's that holds Approvals.sln.</summary>
    public static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Approvals.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the driver from inside the repository (Approvals.sln not found above it).");
    }
}
