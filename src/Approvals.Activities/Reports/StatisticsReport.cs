namespace Approvals.Activities.Reports;

/// <summary>The statistics the FAO reports (DOMAIN.md): each table has named columns and rows of cells.</summary>
public sealed record StatisticsReport(DateOnly From, DateOnly To, IReadOnlyList<ReportTable> Tables);

public sealed record ReportTable(string Key, string Title, string TitleEn, IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows);
