using Approvals.Activities.Reports;
using Approvals.Host.Reports;

namespace Approvals.Host.Endpoints;

/// <summary><c>GET /api/reports?from&amp;to</c> as JSON, and <c>/api/reports.xlsx</c> as a workbook. FAO staff only.</summary>
internal static class ReportsApi
{
    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Reports").RequireAuthorization("fao-staff");
        group.MapGet("/reports", async (DateOnly? from, DateOnly? to, StatisticsService statistics, TimeProvider clock, CancellationToken cancellationToken) =>
            Results.Ok(await BuildAsync(from, to, statistics, clock, cancellationToken)));
        group.MapGet("/reports.xlsx", WorkbookAsync);
    }

    /// <summary>The statistics page's download link: the same workbook for a signed-in browser (cookie), FAO staff only.</summary>
    public static void MapReportDownload(this IEndpointRouteBuilder app) =>
        app.MapGet("/reports/statistics.xlsx", WorkbookAsync).RequireAuthorization("fao-staff").ExcludeFromDescription();

    private static async Task<IResult> WorkbookAsync(DateOnly? from, DateOnly? to, StatisticsService statistics, TimeProvider clock, CancellationToken cancellationToken)
    {
        var report = await BuildAsync(from, to, statistics, clock, cancellationToken);
        return Results.File(SpreadsheetWriter.Write(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"approvals-statistics-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.xlsx");
    }

    /// <summary>From 1 January of this year to today unless the caller says otherwise.</summary>
    private static Task<StatisticsReport> BuildAsync(DateOnly? from, DateOnly? to, StatisticsService statistics, TimeProvider clock, CancellationToken cancellationToken) =>
        statistics.BuildAsync(from ?? new DateOnly(clock.GetUtcNow().Year, 1, 1), to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
}
