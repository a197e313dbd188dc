using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Browser.Tests.Support;

namespace Approvals.Browser.Tests.Journeys;

/// <summary>The statistics page: tables and charts for a period, and the same figures as a workbook.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StatisticsPageTests(Chromium chromium) : BrowserJourney(chromium)
{
    [Fact]
    public async Task Director_sees_the_reports_as_tables_and_charts_and_downloads_the_workbook()
    {
        // Two sister-city requests so the sister-city report has figures.
        foreach (var city in new[] { "Heilbronn", "Cluj-Napoca" }) await FileSisterCityAsync(city, "sister-city");

        var director = await SignedInAsync("fao-director", "/statistics");
        var page = director.Page;
        // The seeded 2026 plans: Wujiang FAO 12 trips / 40 persons, the education bureau 8 / 30, as rows and as bars.
        var quota = page.Locator("[data-report=outbound-quota]");
        await Assertions.Expect(quota.Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(quota).ToContainTextAsync("40");
        await Assertions.Expect(quota).ToContainTextAsync("30");
        await Assertions.Expect(quota.Locator("svg .mud-chart-bar")).ToHaveCountAsync(8);
        // Both requests wait at the division's review: the stage report counts them once they are decided, so here it is empty.
        await Assertions.Expect(page.Locator("[data-report=stage-times]")).ToContainTextAsync("本期无数据");
        await director.ScreenshotAsync("statistics-page");
        await director.ScreenshotAsync("statistics-page");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=download-xlsx]").ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ToList();
        Assert.True(sheets.Count >= 6, $"{sheets.Count} sheets");
        Assert.True(director.Errors.Count == 0, string.Join("\n", director.Errors));
    }
}
