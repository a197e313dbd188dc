using System.Text.Json.Nodes;
using Approvals.Activities.Calendar;
using Approvals.Activities.Persistence;
using Approvals.Activities.Quotas;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Reports;

/// <summary>
/// Computes the statistics of a period: delegations received by rank, courtesy requests sent up, outbound trips
/// against each unit's quota, sister-city relationships, time spent in each stage, overdue items by division.
/// </summary>
public sealed class StatisticsService(ApprovalsDbContextFactory factory, QuotaLedger quotas)
{
    public async Task<StatisticsReport> BuildAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var start = Moment(from);
        var end = Moment(to.AddDays(1));
        await using var db = factory.Create();
        var requests = await db.Requests.AsNoTracking().Where(r => r.CreatedAt >= start && r.CreatedAt < end)
            .ToListAsync(cancellationToken);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.CreatedAt >= start && t.CreatedAt < end).ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);

        var courtesy = requests.Where(r => r.Type == "courtesy").ToList();
        var byRank = courtesy.GroupBy(r => Text(r.Data["rank"]) ?? "other")
            .Select(g => (IReadOnlyList<object?>)[g.Key, g.Count(), g.Sum(r => Number(r.Data["size"]))])
                .OrderByDescending(r => (int)r[1]!).ToList();
        var sentUpIds = tasks.Where(t => t.ActivityId == "provincial").Select(t => t.RequestId).ToHashSet();
        var sentUp = courtesy.Where(r => sentUpIds.Contains(r.Id))
            .Select(r => (IReadOnlyList<object?>)[r.Number, Text(r.Data["delegationName"]), Text(r.Data["rank"]), r.State.ToString(),
                r.CreatedAt.ToString("yyyy-MM-dd")]).ToList();

        var trips = new List<IReadOnlyList<object?>>();
        var year = from.Year;
        foreach (var unit in requests.Where(r => r.Type == "outbound-travel").Select(r => r.UnitId)
            .Union(await db.UnitQuotas.Where(q => q.Year == year).Select(q => q.UnitId).ToListAsync(cancellationToken)).Distinct().Order())
        {
            var standing = await quotas.StandingAsync(unit, year, null, cancellationToken);
            var approved = requests.Count(r => r.Type == "outbound-travel" && r.UnitId == unit && r.DocumentNumber != null);
            trips.Add([units.GetValueOrDefault(unit, unit), year, standing.QuotaTrips, standing.UsedTrips, standing.QuotaPersons,
                standing.UsedPersons, approved,
                standing.UsedTrips > standing.QuotaTrips || standing.UsedPersons > standing.QuotaPersons ? "超出" : ""]);
        }

        var sisterCities = requests.Where(r => r.Type == "sister-city")
            .GroupBy(r => (Kind: Text(r.Data["relationshipType"]) ?? "", Stage: r.State switch
            {
                RequestState.Closed => "established",
                RequestState.Rejected or RequestState.Withdrawn => "not established",
                _ => "in progress",
            }))
            .Select(g => (IReadOnlyList<object?>)[g.Key.Kind, g.Key.Stage, g.Count(),
                string.Join("、", g.Select(r => Text(r.Data["foreignCity"])))]).ToList();

        var stageTimes = tasks.Where(t => t.CompletedAt is not null && t.Status == HumanTaskStatus.Completed)
            .GroupBy(t => (Type: requests.FirstOrDefault(r => r.Id == t.RequestId)?.Type ?? t.DefinitionId, t.ActivityId))
            .Select(g =>
            {
                var hours = g.Select(t => (t.CompletedAt!.Value - t.CreatedAt).TotalHours).Order().ToList();
                return (IReadOnlyList<object?>)[g.Key.Type, g.Key.ActivityId, hours.Count, Math.Round(hours.Average(), 1),
                    Math.Round(hours[hours.Count / 2], 1), Math.Round(hours[^1], 1)];
            })
            .OrderBy(r => (string)r[0]!).ThenBy(r => (string)r[1]!).ToList();

        var overdueTasks = await db.Tasks.AsNoTracking().Where(t => t.IsOverdue
            && (t.Status == HumanTaskStatus.Open || t.Status == HumanTaskStatus.Claimed)).ToListAsync(cancellationToken);
        var overdue = overdueTasks.GroupBy(t => t.CandidateRoles.FirstOrDefault() ?? (t.AssigneeId is null ? "?" : $"user:{t.AssigneeId}"))
            .Select(g => (IReadOnlyList<object?>)[g.Key, g.Count(), g.Min(t => t.DueAt)?.ToString("yyyy-MM-dd")])
                .OrderByDescending(r => (int)r[1]!).ToList();

        return new StatisticsReport(from, to,
        [
            new ReportTable("delegations-by-rank", "来访团组（按级别）", "Delegations received by rank", ["rank", "delegations", "persons"], byRank),
            new ReportTable("courtesy-sent-up", "上报礼遇请示", "Courtesy requests sent up",
                ["number", "delegation", "rank", "state", "filed"], sentUp),
            new ReportTable("outbound-quota", "因公出国计划执行（按单位）", "Outbound trips against quota", ["unit", "year", "quota trips", "used trips",
                "quota persons", "used persons", "approved", "over quota"], trips),
            new ReportTable("sister-cities", "国际友城", "Sister-city relationships", ["relationship", "stage", "count", "cities"],
                sisterCities),
            new ReportTable("stage-times", "各环节用时（小时）", "Time spent in each stage (hours)", ["request type", "stage", "tasks", "average",
                "median", "longest"], stageTimes),
            new ReportTable("overdue-by-division", "逾期事项（按处室）", "Overdue items by division",
                ["division", "overdue", "oldest due"], overdue),
        ]);
    }

    private static DateTimeOffset Moment(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, OfficeTime.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int Number(JsonNode? node) => Engine.Expressions.ValueConverter.TryGetNumber(node, out var n) ? (int)n : 0;
}
