using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Approvals.Host.Tests.Support;

/// <summary>
/// The host as its own process (<c>dotnet Approvals.Host.dll</c>) on a free loopback port with its own data folder, as an
/// operator runs it: for several hosts on one PostgreSQL database and for kills.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Dictionary<string, string> _tokens = new();

    private HostProcess(Process process, Uri address, string dataFolder)
    {
        _process = process;
        Address = address;
        DataFolder = dataFolder;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }
    public string DataFolder { get; }
    public string Output => string.Join('\n', _output);
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts a host; <paramref name="settings"/> become environment variables (<c>Hangfire:TimerLease</c> → <c>Hangfire__TimerLease</c>).
    /// With <paramref name="tmpfsOptions"/> (<c>size=16m</c>, <c>ro</c>) the data folder is a file system of its own, mounted
    /// in a private mount namespace (<c>unshare</c>) that only the host sees: a small disk that really fills, or a read-only one.
    /// </summary>
    public static HostProcess Start(IReadOnlyDictionary<string, string> settings, string? dataFolder = null, string? tmpfsOptions = null)
    {
        var port = FreePort();
        var folder = dataFolder ?? Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "approvals-host-processes",
            Guid.NewGuid().ToString("N"))).FullName;
        var start = new ProcessStartInfo(tmpfsOptions is null ? "dotnet" : "unshare")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        if (tmpfsOptions is not null)
            foreach (var word in new[] { "-rm", "sh", "-c", "mount -t tmpfs -o \"$0\" approvals-data \"$1\" && shift && exec \"$@\"",
                tmpfsOptions, folder, "dotnet" })
                start.ArgumentList.Add(word);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Approvals.Host.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Approvals__DataDirectory"] = folder;
        start.Environment["Demo__Enabled"] = "true";
        start.Environment["Demo__Password"] = ApprovalsHost.Password;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return new HostProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"), folder);
    }

    /// <summary>Waits (bounded) until <c>/health</c> answers, or the process exits.</summary>
    public async Task<HostProcess> ReadyAsync(TimeSpan? timeout = null)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return this;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The host did not answer /health:\n{Output}");
    }

    /// <summary>Waits (bounded) for the process to end by itself.</summary>
    public async Task<int> ExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>A client of this host signed in as <paramref name="userName"/> with a bearer token.</summary>
    public async Task<HttpClient> As(string userName)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (!_tokens.TryGetValue(userName, out var token))
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = ApprovalsHost.Password });
            Assert.True(response.IsSuccessStatusCode, $"{userName} could not sign in: {await response.Content.ReadAsStringAsync()}");
            _tokens[userName] = token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Ends the process at once, as <c>kill -9</c> does: no shutdown, nothing flushed.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left to the temp folder's cleaner.
        }
        return ValueTask.CompletedTask;
    }
}
