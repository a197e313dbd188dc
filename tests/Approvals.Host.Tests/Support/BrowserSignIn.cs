using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Approvals.Host.Tests.Support;

/// <summary>
/// A browser-like client (cookies, no automatic redirects) signed in through the sign-in form with its antiforgery token.
/// </summary>
public static class BrowserSignIn
{
    public static async Task<HttpClient> SignInAsync(this ApprovalsHost host, string user, string password = ApprovalsHost.Password,
        string returnUrl = "/inbox")
    {
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var token = await FormTokenAsync(browser, "/signin");
        var response = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("userName", user), new("password", password), new("returnUrl", returnUrl)]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(password == ApprovalsHost.Password ? returnUrl : $"/signin?error=1&returnUrl={Uri.EscapeDataString(returnUrl)}",
            response.Headers.Location!.OriginalString);
        return browser;
    }

    /// <summary>The antiforgery token of the form on <paramref name="page"/>.</summary>
    public static async Task<string> FormTokenAsync(HttpClient browser, string page)
    {
        var html = await (await browser.GetAsync(page)).Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"(?<v>[^\"]+)\"").Groups["v"].Value;
        Assert.NotEmpty(token);
        return WebUtility.HtmlDecode(token);
    }
}
