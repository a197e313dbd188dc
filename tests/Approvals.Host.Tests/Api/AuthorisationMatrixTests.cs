using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Api;

/// <summary>Every role against every endpoint: what each may do, and that the rest is 401, 403 or 404.</summary>
public sealed class AuthorisationMatrixTests : IClassFixture<ApprovalsHost>
{
    private static readonly string[] Users = ["admin", "applicant", "applicant2", "unit-head", "sister-city-division", "outbound-division",
        "protocol-division", "fao-director", "city-leadership", "board1", "fao-liaison"];

    private readonly ApprovalsHost _host;

    public AuthorisationMatrixTests(ApprovalsHost host) => _host = host;

    [Theory]
    [InlineData("GET", "/api/requests")]
    [InlineData("POST", "/api/requests")]
    [InlineData("GET", "/api/tasks")]
    [InlineData("GET", "/api/request-types")]
    [InlineData("GET", "/api/admin/outbox")]
    [InlineData("GET", "/api/admin/audit/verify")]
    [InlineData("POST", "/api/tasks/any/decision")]
    public async Task Anonymous_callers_get_401_with_problem_details(string method, string url)
    {
        var response = await _host.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method),
            url) { Content = JsonContent.Create(new { }) });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Only_applicants_file_requests()
    {
        foreach (var user in Users)
        {
            var client = await _host.As(user);
            var response = await client.PostAsJsonAsync("/api/requests", new { type = "courtesy", data = FormData.Courtesy() });
            var expected = user is "applicant" or "applicant2" ? HttpStatusCode.Created : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode,
                $"{user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task Only_administrators_reach_the_admin_endpoints()
    {
        foreach (var user in Users)
        {
            var client = await _host.As(user);
            foreach (var url in new[] { "/api/admin/outbox", "/api/admin/audit/verify" })
            {
                var response = await client.GetAsync(url);
                Assert.True((user == "admin" ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == response.StatusCode,
                    $"{user} {url}: {(int)response.StatusCode}");
            }
        }
        var verified = await (await _host.As("admin")).GetFromJsonAsync<JsonObject>("/api/admin/audit/verify");
        Assert.True(verified!["isIntact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Applicants_see_only_their_units_requests_and_fao_staff_see_all()
    {
        var mine = (await _host.SubmitAsync("applicant", "sister-city", FormData.SisterCity()))["id"]!.GetValue<string>();

        foreach (var user in Users)
        {
            var client = await _host.As(user);
            var one = await client.GetAsync($"/api/requests/{mine}");
            var list = (await client.GetFromJsonAsync<JsonArray>("/api/requests"))!.Select(r => r!["id"]!.GetValue<string>()).ToList();
            var sees = user is not ("applicant2");
            Assert.True((sees ? HttpStatusCode.OK : HttpStatusCode.NotFound) == one.StatusCode, $"{user}: {(int)one.StatusCode}");
            Assert.Equal(sees, list.Contains(mine));
        }
        var withdraw = await (await _host.As("applicant2")).PostAsJsonAsync($"/api/requests/{mine}/withdraw", new { reason = "not mine" });
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
    }

    [Fact]
    public async Task Only_a_candidate_decides_a_task()
    {
        var id = (await _host.SubmitAsync("applicant", "sister-city", FormData.SisterCity()))["id"]!.GetValue<string>();
        var taskId = (await (await _host.As("sister-city-division")).GetFromJsonAsync<JsonArray>("/api/tasks?scope=candidate"))!
            .Single(t => t!["requestId"]!.GetValue<string>() == id)!["id"]!.GetValue<string>();

        foreach (var user in Users.Where(u => u != "sister-city-division" && u != "admin"))
        {
            var response = await (await _host.As(user)).PostAsJsonAsync($"/api/tasks/{taskId}/decision",
                new { outcome = "Approved", operationId = user });
            Assert.True(HttpStatusCode.Forbidden == response.StatusCode, $"{user}: {(int)response.StatusCode}");
        }
        var ok = await (await _host.As("sister-city-division")).PostAsJsonAsync($"/api/tasks/{taskId}/decision",
            new { outcome = "Approved", operationId = "div" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_repeated_failures_lock_the_account()
    {
        var client = _host.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await client.PostAsJsonAsync("/api/auth/token", new { userName = "fao-liaison", password = "wrong" })).StatusCode);

        var locked = await client.PostAsJsonAsync("/api/auth/token", new { userName = "fao-liaison", password = ApprovalsHost.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked", (await locked.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }
}
