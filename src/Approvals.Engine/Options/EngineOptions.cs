namespace Approvals.Engine.Options;

/// <summary>Where the engine keeps its state and how it finds due timers.</summary>
public sealed class EngineOptions
{
    /// <summary>A SQLite (<c>Data Source=…</c>) or PostgreSQL (<c>Host=…</c>) connection string.</summary>
    public string ConnectionString { get; set; } = "Data Source=approvals.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Auto;

    /// <summary>
    /// How often the built-in poller looks for due timer bookmarks and undelivered events; zero turns it off (a job scheduler then runs the
    /// sweep).
    /// </summary>
    public TimeSpan TimerPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim on a due timer (or an event to deliver) holds before another sweep may take it again.</summary>
    public TimeSpan TimerLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many due timers one claim takes.</summary>
    public int TimerBatchSize { get; set; } = 50;

    /// <summary>How many times a commit that lost an optimistic-concurrency race is re-run on fresh state.</summary>
    public int ConcurrencyRetries { get; set; } = 50;

    public DatabaseProvider ResolvedProvider => Provider != DatabaseProvider.Auto
        ? Provider
        : ConnectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) || ConnectionString.Contains("Server=",
            StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.PostgreSql
            : DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Auto,
    Sqlite,
    PostgreSql,
}
