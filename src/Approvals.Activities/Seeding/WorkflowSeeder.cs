using Approvals.Activities.Calendar;
using Approvals.Activities.Persistence;
using Approvals.Engine.Definitions;
using Approvals.Engine.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Approvals.Activities.Seeding;

/// <summary>
/// Publishes the shipped workflow definitions on first start (as version 1), and the working-day calendar. A later
/// start never touches a definition that exists, so an administrator's newer version is never overwritten.
/// </summary>
public sealed class WorkflowSeeder(WorkflowDefinitionStore definitions, ApprovalsDbContextFactory factory, WorkingCalendar calendar,
    ILogger<WorkflowSeeder> logger)
{
    public async Task<IReadOnlyList<string>> SeedWorkflowsAsync(string folder, CancellationToken cancellationToken = default)
    {
        var published = new List<string>();
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("No workflows folder at {Folder}; nothing seeded.", folder);
            return published;
        }
        foreach (var file in Directory.GetFiles(folder, "*.json").Order())
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            var read = Engine.Serialization.DefinitionReader.Read(text);
            if (read.Document?.DefinitionId is not { } definitionId)
            {
                logger.LogError("Shipped workflow {File} cannot be read: {Problems}", file, string.Join("; ", read.Problems));
                continue;
            }
            if (await definitions.FindAsync(definitionId, DefinitionVersionOptions.Latest, cancellationToken) is not null) continue;
            await definitions.SaveAsync(read.Document, publish: true, cancellationToken);
            published.Add(definitionId);
            logger.LogInformation("Published shipped workflow {DefinitionId} from {File}.", definitionId, Path.GetFileName(file));
        }
        return published;
    }

    /// <summary>Adds the calendar days of the years that have none yet.</summary>
    public async Task SeedCalendarAsync(IEnumerable<CalendarDay> days, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        var years = await db.CalendarDays.Select(d => d.Date.Year).Distinct().ToListAsync(cancellationToken);
        var added = days.Where(d => !years.Contains(d.Date.Year)).ToList();
        if (added.Count == 0) return;
        db.CalendarDays.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        calendar.Invalidate();
    }
}
