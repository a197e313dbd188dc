using System.Security.Claims;
using Approvals.Host.Identity;
using Microsoft.AspNetCore.Identity;

namespace Approvals.Host.Endpoints;

/// <summary>
/// <c>POST /api/auth/token</c>: a bearer token for the API from a user name and password (lockout after repeated failures).
/// </summary>
internal static class AuthApi
{
    public sealed record TokenRequest(string? UserName, string? Password);
    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string UserId, string DisplayName,
        IReadOnlyList<string> Roles);

    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", IssueAsync).AllowAnonymous().WithTags("Auth").DisableAntiforgery();
        // Cookie sign-in for the browser (the pages and the Hangfire dashboard); lockout applies here too.
        app.MapPost("/api/auth/cookie", async (TokenRequest body, UserManager<ApplicationUser> users,
            SignInManager<ApplicationUser> signIn) =>
        {
            if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
                return Unauthorized("Enter a user name and a password.");
            var result = await signIn.PasswordSignInAsync(body.UserName, body.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut) return Unauthorized("The account is locked after repeated failures; try again later.");
            return result.Succeeded ? Results.NoContent() : Unauthorized("Unknown user name or wrong password.");
        }).AllowAnonymous().WithTags("Auth").DisableAntiforgery();
        app.MapPost("/api/auth/signout", async (SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.NoContent();
        }).WithTags("Auth");
    }

    private static async Task<IResult> IssueAsync(TokenRequest body, UserManager<ApplicationUser> users,
        SignInManager<ApplicationUser> signIn, BearerTokens tokens)
    {
        if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                [string.IsNullOrWhiteSpace(body.UserName) ? "userName" : "password"] = ["is required"],
            });
        var user = await users.FindByNameAsync(body.UserName);
        if (user is null) return Unauthorized("Unknown user name or wrong password.");
        var check = await signIn.CheckPasswordSignInAsync(user, body.Password, lockoutOnFailure: true);
        if (check.IsLockedOut) return Unauthorized("The account is locked after repeated failures; try again later.");
        if (!check.Succeeded) return Unauthorized("Unknown user name or wrong password.");

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var (token, expiresAt) = tokens.Issue(principal);
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        return Results.Ok(new TokenResponse(token, expiresAt, user.Id, user.DisplayName, roles));
    }

    private static IResult Unauthorized(string detail) => Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
        title: "Sign-in failed.", detail: detail);
}
