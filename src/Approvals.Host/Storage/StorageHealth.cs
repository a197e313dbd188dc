using Microsoft.Data.Sqlite;

namespace Approvals.Host.Storage;

/// <summary>
/// Whether the host can still write: a disk that filled up (SQLite's SQLITE_FULL, PostgreSQL's disk_full, or the file
/// system's "no space left") is remembered for a while and reported by <c>/health</c>, together with the free space
/// left in the data folder, so a monitor sees it before people do; requests that hit it get a 503 that says so.
/// </summary>
public sealed class StorageHealth(IHostEnvironment environment, Microsoft.Extensions.Options.IOptions<Options.ApprovalsOptions> options,
    TimeProvider clock)
{
    /// <summary>Below this much free space in the data folder the host reports itself unhealthy.</summary>
    public const long MinimumFreeBytes = 1024 * 1024;

    private static readonly TimeSpan Remembered = TimeSpan.FromSeconds(30);
    private long _fullAtTicks;

    public sealed record Standing(bool Healthy, string Storage, long? FreeBytes, DateTimeOffset? FullAt);

    public static bool IsStorageFull(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 13 }: // SQLITE_FULL
                case System.Data.Common.DbException { SqlState: "53100" }: // PostgreSQL's disk_full
                case IOException io when io.HResult is 28 or 112 or unchecked((int)0x80070070) || io.Message.Contains("No space left",
                    StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        return false;
    }

    /// <summary>Records that a write failed for want of space.</summary>
    public void ReportFull() => Interlocked.Exchange(ref _fullAtTicks, clock.GetUtcNow().UtcTicks);

    public Standing Check()
    {
        var fullAt = Interlocked.Read(ref _fullAtTicks) is var ticks and > 0 ? new DateTimeOffset(ticks,
            TimeSpan.Zero) : (DateTimeOffset?)null;
        var recentlyFull = fullAt is { } at && clock.GetUtcNow() - at < Remembered;
        long? free = null;
        try
        {
            var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataDirectory));
            free = new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // No drive to ask (a folder elsewhere); the failures alone tell.
        }
        var full = recentlyFull || free < MinimumFreeBytes;
        return new Standing(!full, full ? "full" : "ok", free, fullAt);
    }
}
