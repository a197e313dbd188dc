using System.Net;
using System.Net.Http.Json;
using Approvals.Host.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approvals.Host.Tests.Mail;

public sealed class DashboardTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public DashboardTests(ApprovalsHost host) => _host = host;

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var browser = _host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var signIn = await browser.PostAsJsonAsync("/api/auth/cookie", new { userName = user, password = ApprovalsHost.Password });
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        return browser;
    }

    [Fact]
    public async Task The_hangfire_dashboard_is_for_administrators_only()
    {
        var anonymous = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/hangfire")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await (await SignedInAsync("fao-director")).GetAsync("/hangfire")).StatusCode);

        var admin = await SignedInAsync("admin");
        var dashboard = await admin.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Approvals jobs", await dashboard.Content.ReadAsStringAsync());
        var recurring = await admin.GetStringAsync("/hangfire/recurring");
        Assert.Contains("outbox-sweep", recurring);
        Assert.Contains("timer-sweep", recurring);
    }
}
