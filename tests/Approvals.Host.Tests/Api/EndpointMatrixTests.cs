using System.Net;
using System.Net.Http.Json;
using Approvals.Host.Tests.Support;

namespace Approvals.Host.Tests.Api;

/// <summary>Every demo role against every read endpoint and the administrative writes: 2xx where the role may, 403 where not.</summary>
public sealed class EndpointMatrixTests : IClassFixture<ApprovalsHost>
{
    private const string Staff =
        "sister-city-division,outbound-division,protocol-division,fao-director,city-leadership,board1,fao-liaison,admin";
    private const string Everyone = "applicant,applicant2,unit-head," + Staff;

    private readonly ApprovalsHost _host;

    public EndpointMatrixTests(ApprovalsHost host) => _host = host;

    public static IEnumerable<object[]> Endpoints() =>
    [
        ["GET", "/api/requests", Everyone],
        ["GET", "/api/tasks?scope=mine", Everyone],
        ["GET", "/api/tasks?scope=candidate", Everyone],
        ["GET", "/api/request-types", Everyone],
        ["GET", "/api/proxies", Everyone],
        ["GET", "/api/reports", Staff],
        ["GET", "/api/reports.xlsx", Staff],
        ["GET", "/api/admin/users", "admin"],
        ["GET", "/api/admin/roles", "admin"],
        ["GET", "/api/admin/units", "admin"],
        ["GET", "/api/admin/proxies", "admin"],
        ["GET", "/api/admin/quotas?year=2026", "admin"],
        ["GET", "/api/admin/calendar/2026", "admin"],
        ["GET", "/api/admin/outbox", "admin"],
        ["GET", "/api/admin/mail-pickup", "admin"],
        ["GET", "/api/admin/audit/verify", "admin"],
        ["PUT", "/api/admin/quotas/wujiang-fao/2026", "admin"],
        ["GET", "/elsa/api/descriptors/activities", Staff],
        ["GET", "/elsa/api/workflow-definitions?versionOptions=Latest", Staff],
        ["POST", "/elsa/api/workflow-instances", Staff],
        ["POST", "/elsa/api/workflow-definitions/courtesy-request/retract", "admin"],
    ];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Each_role_gets_what_it_may(string method, string url, string allowed)
    {
        var may = allowed.Split(',').ToHashSet();
        foreach (var user in Everyone.Split(','))
        {
            var client = await _host.As(user);
            var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method != "GET") request.Content = url.Contains("quotas") ? JsonContent.Create(new { trips = 12, persons = 40 })
                : JsonContent.Create(new { });
            var response = await client.SendAsync(request);
            if (may.Contains(user))
                Assert.True(response.IsSuccessStatusCode,
                    $"{user} {method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            else
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden,
                    $"{user} {method} {url}: expected 403, got {(int)response.StatusCode}");
        }
        if (url.EndsWith("/retract"))
            Assert.True((await (await _host.As("admin")).PostAsync("/elsa/api/workflow-definitions/courtesy-request/publish", null))
                .IsSuccessStatusCode);
    }
}
