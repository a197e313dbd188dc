using Approvals.Activities.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.DocumentNumbers;

/// <summary>Reads and hands out sequence numbers per key and year.</summary>
public sealed class NumberSequences(ApprovalsDbContextFactory factory)
{
    private readonly Engine.Runtime.InstanceLocks _locks = new();

    /// <summary>
    /// Serialises, in this process, the bursts that take numbers from one sequence, from reading it until commit;
    /// across processes the commit-time check still decides. Without it, concurrent approvals would keep re-running.
    /// </summary>
    public Task<IDisposable> HoldAsync(string key, int year, CancellationToken cancellationToken) =>
        _locks.AcquireAsync($"{key}\u001f{year}", cancellationToken);

    /// <summary>The number that would be given next; it is only taken by committing a <see cref="NumberReserved"/>.</summary>
    public async Task<int> PeekAsync(string key, int year, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        var last = await db.NumberSequences.AsNoTracking().Where(s => s.Key == key && s.Year == year).Select(s => (int?)s.Last)
            .FirstOrDefaultAsync(cancellationToken);
        return (last ?? 0) + 1;
    }

    /// <summary>
    /// Takes the next number at once in its own short transaction (request numbers, where a gap after a failed submission
    /// is harmless; on SQLite committed with the other writes waiting then): one atomic increment, so concurrent
    /// submissions on any host queue on the row for microseconds instead of failing and retrying.
    /// </summary>
    public async Task<int> TakeAsync(string key, int year, CancellationToken cancellationToken = default)
    {
        return await factory.RunAsync(async (db, token) =>
        {
            await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "NumberSequences" ("Key", "Year", "Last") VALUES ({key}, {year}, 0) ON CONFLICT DO NOTHING""", token);
            var taken = await db.Database.SqlQuery<int>($"""
                UPDATE "NumberSequences" SET "Last" = "Last" + 1 WHERE "Key" = {key} AND "Year" = {year} RETURNING "Last" AS "Value"
                """).ToListAsync(token);
            return taken.Single();
        }, cancellationToken);
    }

    /// <summary>Formats a document number: <c>苏外出〔2026〕17号</c> from prefix 苏外出, year 2026, number 17.</summary>
    public static string FormatDocumentNumber(string format, string prefix, int year, int number) => format
        .Replace("{prefix}", prefix, StringComparison.Ordinal)
        .Replace("{year}", year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{number}", number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
