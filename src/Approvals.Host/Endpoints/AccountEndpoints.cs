using Approvals.Host.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Approvals.Host.Endpoints;

/// <summary>Browser sign-in and sign-out (form posts with antiforgery) and the language switch.</summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", async (HttpContext http, SignInManager<ApplicationUser> signIn, IAntiforgery antiforgery) =>
        {
            // The form is read by hand (its fields are optional), so the antiforgery check is made here: without it another site
            // could sign a browser in as the attacker (login CSRF).
            if (!await antiforgery.IsRequestValidAsync(http)) return FormExpired();
            var form = await http.Request.ReadFormAsync();
            var returnUrl = LocalOnly(form["returnUrl"].ToString());
            var result = await signIn.PasswordSignInAsync(form["userName"].ToString(), form["password"].ToString(),
                isPersistent: false, lockoutOnFailure: true);
            // The pages open in the person's own language (it can be switched any time).
            if (result.Succeeded && await signIn.UserManager.FindByNameAsync(form["userName"].ToString()) is { } user)
                SetCulture(http, user.Language);
            return Results.LocalRedirect(result.Succeeded ? returnUrl : $"/signin?error=1&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/signout", async (HttpContext http, SignInManager<ApplicationUser> signIn, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return FormExpired();
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/signin");
        }).ExcludeFromDescription();
        app.MapGet("/culture", (HttpContext http, string lang, string? returnUrl) =>
        {
            SetCulture(http, lang);
            // Never back to the switch itself (that looped), and no cached copy of the page in the old language.
            var back = LocalOnly(returnUrl ?? http.Request.Headers.Referer.ToString());
            if (back.StartsWith("/culture", StringComparison.OrdinalIgnoreCase)) back = "/";
            http.Response.Headers.CacheControl = "no-store";
            return Results.LocalRedirect(back);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static IResult FormExpired() => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid form.",
        detail: "The form is missing its antiforgery token or has expired; reload the page and try again.");

    private static void SetCulture(HttpContext http, string language)
    {
        var culture = language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "zh-CN";
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
    }

    /// <summary>Only a path on this site (never another host): an open redirect would help phishing.</summary>
    private static string LocalOnly(string? url)
    {
        if (string.IsNullOrEmpty(url)) return "/";
        // On Linux "/path?query" also parses as an absolute file: URI, which would mangle the query; only web URLs are cut down.
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute)
            && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)) url = absolute.PathAndQuery;
        return url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : "/" + url.TrimStart('/', '\\');
    }
}
