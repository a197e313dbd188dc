using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Api;

public sealed class ReportsTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public ReportsTests(ApprovalsHost host) => _host = host;

    [Fact]
    public async Task The_statistics_count_what_happened_and_download_as_a_workbook()
    {
        var courtesy = (await _host.SubmitAsync("applicant", "courtesy", FormData.Courtesy("ministerial")))["id"]!.GetValue<string>();
        await _host.DecideOkAsync("protocol-division", courtesy, "Approved");
        await _host.DecideOkAsync("fao-director", courtesy, "Approved");
        await _host.DecideOkAsync("city-leadership", courtesy, "Approved");
        await _host.SubmitAsync("applicant", "courtesy", FormData.Courtesy("bureau"));
        await _host.SubmitAsync("applicant2", "sister-city", FormData.SisterCity("friendly-exchange"));
        var staff = await _host.As("fao-director");

        var report = (await staff.GetFromJsonAsync<JsonObject>("/api/reports?from=2026-01-01&to=2026-12-31"))!;

        JsonArray Rows(string key) => report["tables"]!.AsArray().Single(t => t!["key"]!.GetValue<string>() == key)!["rows"]!.AsArray();
        Assert.Contains(Rows("delegations-by-rank"), r => r![0]!.GetValue<string>() == "ministerial" && r[1]!.GetValue<int>() == 1
            && r[2]!.GetValue<int>() == 6);
        Assert.Contains(Rows("delegations-by-rank"), r => r![0]!.GetValue<string>() == "bureau");
        Assert.Single(Rows("courtesy-sent-up"));
        Assert.Contains(Rows("sister-cities"), r => r![0]!.GetValue<string>() == "friendly-exchange"
            && r[1]!.GetValue<string>() == "in progress");
        Assert.Contains(Rows("stage-times"), r => r![0]!.GetValue<string>() == "courtesy" && r[1]!.GetValue<string>() == "protocol");
        Assert.Contains(Rows("outbound-quota"), r => r![0]!.GetValue<string>() == "吴江区外办" && r[2]!.GetValue<int>() == 12);

        var xlsx = await staff.GetAsync("/api/reports.xlsx?from=2026-01-01&to=2026-12-31");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await xlsx.Content.ReadAsStreamAsync());
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        Assert.Contains("ministerial", await sheet.ReadToEndAsync());
        Assert.Equal(6, zip.Entries.Count(e => e.FullName.StartsWith("xl/worksheets/")));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _host.As("applicant")).GetAsync("/api/reports")).StatusCode);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_a_problem_naming_the_field()
    {
        var staff = await _host.As("fao-director");
        foreach (var path in new[] { "/api/reports?from=2026-06-01&to=2026-01-01", "/api/reports.xlsx?from=2026-06-01&to=2026-01-01" })
        {
            var response = await staff.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Contains("2026-06-01", problem["errors"]!["from"]![0]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("Pacific/Kiritimati")] // UTC+14: its date is ahead of UTC most of the day
    [InlineData("Pacific/Pago_Pago")] // UTC-11: behind
    public async Task The_default_period_ends_today_in_the_configured_office_time_zone(string zone)
    {
        using var host = new ApprovalsHost();
        host.Settings["Approvals:TimeZone"] = zone;
        JsonObject report;
        try
        {
            report = (await (await host.As("fao-director")).GetFromJsonAsync<JsonObject>("/api/reports"))!;
        }
        finally
        {
            // The zone is the process's; the other hosts of this test run are in the default one.
            Approvals.Activities.Calendar.OfficeTime.Use(null);
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
            TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);
        Assert.Equal(today.ToString("yyyy-MM-dd"), report["to"]!.GetValue<string>());
        Assert.Equal($"{today.Year}-01-01", report["from"]!.GetValue<string>());
    }
}
