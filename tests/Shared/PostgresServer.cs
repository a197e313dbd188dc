using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Approvals.Testing;

/// <summary>
/// A real PostgreSQL server for the tests: the one named by APPROVALS_TEST_POSTGRES, or a throwaway cluster
/// started from the installed binaries (as the postgres user when running as root), listening on 127.0.0.1 only.
/// Without either the tests are skipped, unless APPROVALS_REQUIRE_POSTGRES=1 (CI), where that is a failure.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _dataDirectory;
    private string? _binDirectory;

    public string? ConnectionString { get; private set; }
    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("APPROVALS_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            ConnectionString = configured;
            return;
        }
        _binDirectory = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (_binDirectory is null)
        {
            Unavailable = "PostgreSQL is not installed (apt-get install postgresql) and APPROVALS_TEST_POSTGRES is not set.";
            if (Environment.GetEnvironmentVariable("APPROVALS_REQUIRE_POSTGRES") == "1") throw new InvalidOperationException(Unavailable);
            return;
        }

        _dataDirectory = Path.Combine(Path.GetTempPath(), $"approvals-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dataDirectory);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", "postgres", _dataDirectory);
        _port = FreePort();
        await RunPostgresAsync(asRoot, "initdb", "-D", _dataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync");
        await StartAsync();
        var port = _port;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=60";
    }

    /// <summary>A new empty database on the server, for one test.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        Skip.If(ConnectionString is null, Unavailable);
        var name = "approvals_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    private int _port;

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) on the same port and data.</summary>
    public Task StartAsync() => RunPostgresAsync(Environment.UserName == "root", "pg_ctl", "-D", _dataDirectory!, "-w", "-l",
        Path.Combine(_dataDirectory!, "server.log"),
        "-o", $"-p {_port} -k {_dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start");

    /// <summary>Stops the server at once, as a crash or an outage would: clients lose their connections.</summary>
    public async Task StopAsync()
    {
        Skip.If(_dataDirectory is null, "Only a server these tests started can be stopped.");
        await RunPostgresAsync(Environment.UserName == "root", "pg_ctl", "-D", _dataDirectory!, "-m", "immediate", "stop");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDirectory is null || _binDirectory is null) return;
        await RunPostgresAsync(Environment.UserName == "root", "pg_ctl", "-D", _dataDirectory, "-m", "immediate", "stop");
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private Task RunPostgresAsync(bool asRoot, string tool, params string[] args) => asRoot
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_binDirectory!, tool), .. args])
        : RunAsync(Path.Combine(_binDirectory!, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
