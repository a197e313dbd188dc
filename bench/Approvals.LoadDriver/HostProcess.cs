using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Approvals.LoadDriver;

/// <summary>One Release host process on a free loopback port, with its own data folder.</summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process? _process;
    private readonly int? _pid;

    private HostProcess(Process? process, Uri baseAddress, int? pid = null)
    {
        _process = process;
        _pid = pid ?? process?.Id;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>A host started elsewhere (to profile it, say); its memory and CPU are read only when its process id is given.</summary>
    public static HostProcess Running(Uri baseAddress, int? pid) => new(null, baseAddress, pid);

    public static async Task BuildReleaseAsync(string repository)
    {
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", "-v", "q", "--nologo",
            Path.Combine(repository, "src", "Approvals.Host")])
        {
            RedirectStandardOutput = true,
        })!;
        var output = await build.StandardOutput.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0) throw new InvalidOperationException("Building the host failed:\n" + output);
    }

    /// <param name="environment">
    /// Production for load (as an operator runs it); the page timings use Development, where the build output serves the
    /// packages' static files (<c>_content/…</c>) without a publish step.
    /// </param>
    public static async Task<HostProcess> StartAsync(string repository, string dataDirectory, string? postgres,
        string environment = "Production")
    {
        var port = FreePort();
        var hostFolder = Path.Combine(repository, "src", "Approvals.Host");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(hostFolder, "bin", "Release", "net10.0", "Approvals.Host.dll"), "--urls",
            $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = hostFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        info.Environment["Demo__Enabled"] = "true";
        info.Environment["Approvals__DataDirectory"] = dataDirectory;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        if (postgres is not null) info.Environment["ConnectionStrings__Approvals"] = postgres;
        var process = Process.Start(info)!;
        // Drain the host's output so it never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[host {port}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The host exited with {process.ExitCode}.");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return host;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(50);
        }
        host.Dispose();
        throw new TimeoutException("The host did not answer /health within two minutes.");
    }

    /// <summary>The process's resident set size, from /proc.</summary>
    public double ResidentMegabytes()
    {
        if (_pid is null) return 0;
        var line = File.ReadLines($"/proc/{_pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
    }

    /// <summary>
    /// The CPU time the process has used (user and system, from /proc), so a phase's cost per call can be told apart from
    /// how much of the two cores the machine gave it that minute; null when the process is not known.
    /// </summary>
    public TimeSpan? CpuTime()
    {
        if (_pid is null) return null;
        // Fields after the command name (which may hold spaces, hence the last parenthesis): utime and stime are the 12th and 13th.
        var stat = File.ReadAllText($"/proc/{_pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromSeconds((long.Parse(fields[11]) + long.Parse(fields[12])) / (double)ClockTicksPerSecond);
    }

    // USER_HZ, which Linux fixes at 100 on every architecture .NET runs on.
    private const int ClockTicksPerSecond = 100;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}
