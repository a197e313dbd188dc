using Approvals.Activities.Calendar;
using Approvals.Activities.Persistence;
using Approvals.Activities.Tasks;
using Approvals.Engine.Definitions;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Reviewing;

/// <summary>
/// What the inbox shows beside each task of a page: its request's number, the stage's name in the definition version its
/// instance runs on (an older request stays on its version), and the working days left until it is due.
/// </summary>
public sealed class InboxRows(
    ApprovalsDbContextFactory domain, WorkflowDbContextFactory engine, WorkflowDefinitionStore definitions, WorkingCalendar calendar,
        TimeProvider clock)
{
    /// <summary>One line of the inbox; <paramref name="Stage"/> is the designer's name, as written (the page translates it).</summary>
    public sealed record Row(HumanTask Task, string Stage, string? RequestNumber, int? WorkingDaysLeft);

    /// <summary>The rows of one page of tasks the inbox query returned (so the caller has already decided what the user sees).</summary>
    public async Task<IReadOnlyList<Row>> OfAsync(IReadOnlyList<HumanTask> tasks, CancellationToken cancellationToken = default)
    {
        var requestIds = tasks.Select(t => t.RequestId).OfType<string>().Distinct().ToList();
        Dictionary<string, string> numbers;
        await using (var db = domain.Create())
            numbers = await db.Requests.AsNoTracking().Where(r => requestIds.Contains(r.Id))
                .ToDictionaryAsync(r => r.Id, r => r.Number, cancellationToken);
        var instanceIds = tasks.Select(t => t.WorkflowInstanceId).Distinct().ToList();
        Dictionary<string, string> versionOf;
        await using (var db = engine.Create())
            versionOf = await db.Instances.AsNoTracking().Where(i => instanceIds.Contains(i.Id))
                .ToDictionaryAsync(i => i.Id, i => i.DefinitionVersionId, cancellationToken);
        var stageNames = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var version in versionOf.Values.Distinct()) stageNames[version] = await StageNamesAsync(version, cancellationToken);

        var now = clock.GetUtcNow();
        var rows = new List<Row>(tasks.Count);
        foreach (var task in tasks)
        {
            var names = stageNames.GetValueOrDefault(versionOf.GetValueOrDefault(task.WorkflowInstanceId, ""));
            rows.Add(new Row(task, names?.GetValueOrDefault(task.ActivityId) ?? task.ActivityId,
                task.RequestId is { } id ? numbers.GetValueOrDefault(id) : null,
                task.DueAt is { } due ? await calendar.WorkingDaysUntilAsync(now, due, cancellationToken) : null));
        }
        return rows;
    }

    /// <summary>The stages' names (the designer's names) by activity id in one definition version.</summary>
    private async Task<IReadOnlyDictionary<string, string>> StageNamesAsync(string versionId, CancellationToken cancellationToken)
    {
        var definition = await definitions.FindByVersionIdAsync(versionId, cancellationToken);
        return definition is null ? new Dictionary<string, string>()
            : StageNames.Of(definition).ToDictionary(s => s.Id, s => s.Name);
    }
}
