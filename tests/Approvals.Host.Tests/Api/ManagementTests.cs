using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Api;

public sealed class ManagementTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public ManagementTests(ApprovalsHost host) => _host = host;

    [Fact]
    public async Task An_administrator_adds_a_unit_a_user_and_a_quota_and_the_new_user_can_work()
    {
        var admin = await _host.As("admin");
        Assert.Equal(HttpStatusCode.OK,
            (await admin.PutAsJsonAsync("/api/admin/units/commerce-bureau", new { name = "市商务局", nameEn = "City Commerce Bureau",
            kind = "bureau" })).StatusCode);
        var created = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = "applicant3", displayName = "商务局 钱进", email = "applicant3@approvals.test", unitId = "commerce-bureau",
            roles = new[] { "applicant" },
            password = ApprovalsHost.Password,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await admin.PutAsJsonAsync("/api/admin/quotas/commerce-bureau/2026", new { trips = 3, persons = 9 })).StatusCode);

        var quotas = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/quotas?year=2026"))!;
        Assert.Contains(quotas, q => q!["unitId"]!.GetValue<string>() == "commerce-bureau" && q["quotaTrips"]!.GetValue<int>() == 3);
        var submitted = await _host.SubmitAsync("applicant3", "courtesy", FormData.Courtesy());
        Assert.Equal("commerce-bureau",
            (await _host.RequestAsync("applicant3", submitted["id"]!.GetValue<string>()))["request"]!["unitId"]!.GetValue<string>());
        var users = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/users"))!;
        Assert.Contains(users, u => u!["userName"]!.GetValue<string>() == "applicant3"
            && u["roles"]![0]!.GetValue<string>() == "applicant");
    }

    [Fact]
    public async Task Bad_management_input_is_named_and_non_administrators_are_refused()
    {
        var admin = await _host.As("admin");
        var weak = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "x1", email = "x1@approvals.test", password = "short",
            roles = new[] { "applicant" } });
        var role = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "x2", email = "x2@approvals.test",
            password = ApprovalsHost.Password, roles = new[] { "emperor" } });
        var calendar = await admin.PutAsJsonAsync("/api/admin/calendar/2027",
            new[] { new { date = "2026-10-01", kind = "Holiday", name = "国庆" } });

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.NotNull((await weak.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["password"]);
        Assert.Equal(HttpStatusCode.BadRequest, role.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, calendar.StatusCode);
        foreach (var user in new[] { "applicant", "fao-director", "board1" })
        {
            var client = await _host.As(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/users")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden,
                (await client.PutAsJsonAsync("/api/admin/quotas/wujiang-fao/2026", new { trips = 99, persons = 99 })).StatusCode);
        }
    }

    [Fact]
    public async Task The_calendar_is_edited_per_year_and_users_set_their_own_proxies_only()
    {
        var admin = await _host.As("admin");
        var set = await admin.PutAsJsonAsync("/api/admin/calendar/2027", new[] { new { date = "2027-01-01", kind = "Holiday", name = "元旦" },
            new { date = "2027-02-06", kind = "AdjustedWorkday", name = "春节调休" } });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonArray>("/api/admin/calendar/2027"))!.Count);

        var director = await _host.As("fao-director");
        var directorId = (await (await _host.As("admin")).GetFromJsonAsync<JsonArray>("/api/admin/users"))!.Single(u =>
            u!["userName"]!.GetValue<string>() == "city-leadership")!["id"]!.GetValue<string>();
        var unknown = await director.PostAsJsonAsync("/api/proxies", new { substituteId = "nobody", from = DateTimeOffset.UtcNow,
            to = DateTimeOffset.UtcNow.AddDays(3) });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var mine = await director.PostAsJsonAsync("/api/proxies", new { substituteId = directorId, from = DateTimeOffset.UtcNow,
            to = DateTimeOffset.UtcNow.AddDays(3) });
        var someoneElses = await director.PostAsJsonAsync("/api/proxies", new { principalId = "someone", substituteId = directorId,
            from = DateTimeOffset.UtcNow, to = DateTimeOffset.UtcNow.AddDays(3) });
        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, someoneElses.StatusCode);
        Assert.Single((await director.GetFromJsonAsync<JsonArray>("/api/proxies"))!);
    }
}
