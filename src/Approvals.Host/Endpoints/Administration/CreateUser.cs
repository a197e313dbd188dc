using Approvals.Host.Administration;

namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>POST /api/admin/users</c>: a new account; problems by field, nothing saved.</summary>
internal static class CreateUser
{
    public static void Map(RouteGroupBuilder admin) => admin.MapPost("/users", HandleAsync);

    private static async Task<IResult> HandleAsync(UserBody body, UserAccounts accounts, HttpContext http)
    {
        var result = await accounts.CreateAsync(body.ToChange(), http.User.UserId());
        return result.Account is { } account
            ? Results.Created($"/api/admin/users/{account.Id}", account)
            : Results.ValidationProblem(result.Errors);
    }
}
