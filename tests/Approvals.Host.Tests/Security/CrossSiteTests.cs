using System.Net;
using Approvals.Host.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approvals.Host.Tests.Security;

/// <summary>
/// What another site could make a signed-in browser do: nothing on the Elsa API (bearer only), nothing through the account forms without
/// their token.
/// </summary>
public sealed class CrossSiteTests : IClassFixture<ApprovalsHost>
{
    private readonly ApprovalsHost _host;

    public CrossSiteTests(ApprovalsHost host) => _host = host;

    [Theory]
    [InlineData("POST", "/elsa/api/workflow-definitions/courtesy-request/retract")]
    [InlineData("POST", "/elsa/api/workflow-definitions/courtesy-request/publish")]
    [InlineData("DELETE", "/elsa/api/workflow-definitions/courtesy-request")]
    [InlineData("POST", "/elsa/api/workflow-definitions/import")]
    [InlineData("GET", "/elsa/api/workflow-definitions")]
    public async Task The_elsa_api_ignores_the_sign_in_cookie(string method, string path)
    {
        var browser = await _host.SignInAsync("admin");
        var response = await browser.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        // The same administrator with a bearer token is served.
        var api = await _host.As("admin");
        Assert.Equal(HttpStatusCode.OK,
            (await api.GetAsync("/elsa/api/workflow-definitions/by-definition-id/courtesy-request")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_without_the_forms_token_is_refused_and_sets_no_cookie()
    {
        var browser = _host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var response = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(
            [new("userName", "admin"), new("password", ApprovalsHost.Password), new("returnUrl", "/inbox")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)
            && !c.StartsWith(".AspNetCore.Identity.Application=;", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/inbox")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_needs_the_forms_token()
    {
        var browser = await _host.SignInAsync("applicant");
        var forged = await browser.PostAsync("/account/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/inbox")).StatusCode);

        var token = await BrowserSignIn.FormTokenAsync(browser, "/inbox");
        var signedOut = await browser.PostAsync("/account/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/inbox")).StatusCode);
    }
}
