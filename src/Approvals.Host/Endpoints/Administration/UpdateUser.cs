using Approvals.Host.Administration;

namespace Approvals.Host.Endpoints.Administration;

/// <summary><c>PUT /api/admin/users/{id}</c>: an account's unit, roles, language, password or lockout changed.</summary>
internal static class UpdateUser
{
    public static void Map(RouteGroupBuilder admin) =>
        admin.MapPut("/users/{id}", async (string id, UserBody body, UserAccounts accounts, HttpContext http) =>
        {
            var result = await accounts.UpdateAsync(id, body.ToChange(), http.User.UserId());
            if (result.NotFound) return NotFoundProblem.For($"User '{id}' does not exist.");
            return result.Account is { } account ? Results.Ok(account) : Results.ValidationProblem(result.Errors);
        });
}
