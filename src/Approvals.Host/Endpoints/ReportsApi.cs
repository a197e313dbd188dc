using Approvals.Activities.Reports;
using Approvals.Host.Reports;

namespace Approvals.Host.Endpoints;

/// <summary><c>GET /api/reports?from&amp;to</c> as JSON, and <c>/api/reports.xlsx</c> as a workbook. FAO staff only.</summary>
internal static class ReportsApi
{
    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Reports").RequireAuthorization("fao-staff");
        group.MapGet("/reports", async (DateOnly? from, DateOnly? to, StatisticsService statistics, TimeProvider clock,
            CancellationToken cancellationToken) =>
            PeriodProblem(from, to, clock) ?? Results.Ok(await BuildAsync(from, to, statistics, clock, cancellationToken)));
        group.MapGet("/reports.xlsx", WorkbookAsync);
    }

    /// <summary>The statistics page's download link: the same workbook for a signed-in browser (cookie), FAO staff only.</summary>
    public static void MapReportDownload(this IEndpointRouteBuilder app) =>
        app.MapGet("/reports/statistics.xlsx", WorkbookAsync).RequireAuthorization("fao-staff").ExcludeFromDescription();

    private static async Task<IResult> WorkbookAsync(DateOnly? from, DateOnly? to, StatisticsService statistics, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (PeriodProblem(from, to, clock) is { } problem) return problem;
        var report = await BuildAsync(from, to, statistics, clock, cancellationToken);
        return Results.File(SpreadsheetWriter.Write(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"approvals-statistics-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.xlsx");
    }

    /// <summary>From 1 January of this year to today (in the office's time zone) unless the caller says otherwise.</summary>
    private static Task<StatisticsReport> BuildAsync(DateOnly? from, DateOnly? to, StatisticsService statistics, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var today = Today(clock);
        return statistics.BuildAsync(from ?? new DateOnly(today.Year, 1, 1), to ?? today, cancellationToken);
    }

    /// <summary>A period that ends before it starts is refused, with the field named.</summary>
    private static IResult? PeriodProblem(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var start = from ?? new DateOnly(Today(clock).Year, 1, 1);
        var end = to ?? Today(clock);
        return start <= end ? null : Results.ValidationProblem(new Dictionary<string, string[]>
        {
            [from is null ? "to" : "from"] = [$"The period starts on {start:yyyy-MM-dd}, after it ends on {end:yyyy-MM-dd}."],
        });
    }

    private static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Activities.Calendar.OfficeTime.Zone).DateTime);
}
