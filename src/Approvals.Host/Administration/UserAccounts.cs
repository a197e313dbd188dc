using System.Text.Json.Nodes;
using Approvals.Activities.Persistence;
using Approvals.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Administration;

/// <summary>
/// The people who use the system: their accounts, roles, unit and lockout, as administrators keep them (API and pages alike).
/// </summary>
public sealed class UserAccounts(UserManager<ApplicationUser> users, ApprovalsDbContextFactory factory,
    Activities.Contracts.IUserDirectory directory, TimeProvider clock)
{
    public sealed record Account(string Id, string UserName, string DisplayName, string? Email, string? UnitId, IReadOnlyList<string> Roles,
        string Language, bool LockedOut);

    /// <summary>What an administrator sends; null leaves a property as it is.</summary>
    public sealed record AccountChange(string? UserName, string? DisplayName, string? Email, string? UnitId, IReadOnlyList<string>? Roles,
        string? Language, string? Password, bool? Locked);

    /// <summary>The outcome: the account, or the problems by field (nothing saved).</summary>
    public sealed record Result(Account? Account, IReadOnlyDictionary<string, string[]> Errors, bool NotFound = false);

    public async Task<IReadOnlyList<Account>> ListAsync()
    {
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync();
        var accounts = new List<Account>();
        foreach (var u in all) accounts.Add(await ViewAsync(u));
        return accounts;
    }

    public async Task<Result> CreateAsync(AccountChange change, string actorId)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(change.UserName)) errors["userName"] = ["is required"];
        if (string.IsNullOrWhiteSpace(change.Email)) errors["email"] = ["is required"];
        if (string.IsNullOrWhiteSpace(change.Password)) errors["password"] = ["is required"];
        foreach (var role in change.Roles ?? []) if (!Identity.Roles.All.Contains(role)) errors["roles"] = [$"'{role}' is not a role"];
        if (errors.Count > 0) return new Result(null, errors);
        var user = new ApplicationUser
        {
            UserName = change.UserName, Email = change.Email, EmailConfirmed = true, DisplayName = change.DisplayName ?? change.UserName!,
            UnitId = change.UnitId,
            Language = change.Language ?? "zh-CN",
        };
        var created = await users.CreateAsync(user, change.Password!);
        if (!created.Succeeded) return new Result(null, created.Errors.GroupBy(e => FieldOf(e.Code)).ToDictionary(g => g.Key,
            g => g.Select(e => e.Description).ToArray()));
        await users.AddToRolesAsync(user, change.Roles ?? []);
        await AuditAsync(actorId, "UserCreated",
            new JsonObject { ["user"] = user.UserName, ["roles"] = string.Join(",", change.Roles ?? []) });
        return new Result(await ViewAsync(user), new Dictionary<string, string[]>());
    }

    public async Task<Result> UpdateAsync(string id, AccountChange change, string actorId)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return new Result(null, new Dictionary<string, string[]> { ["id"] = [$"User '{id}' does not exist."] },
            NotFound: true);
        foreach (var role in change.Roles ?? [])
            if (!Identity.Roles.All.Contains(role))
                return new Result(null, new Dictionary<string, string[]> { ["roles"] = [$"'{role}' is not a role"] });
        if (change.DisplayName is not null) user.DisplayName = change.DisplayName;
        if (change.Email is not null) user.Email = change.Email;
        if (change.UnitId is not null) user.UnitId = change.UnitId.Length == 0 ? null : change.UnitId;
        if (change.Language is not null) user.Language = change.Language;
        await users.UpdateAsync(user);
        if (change.Roles is not null)
        {
            var current = await users.GetRolesAsync(user);
            await users.RemoveFromRolesAsync(user, current.Except(change.Roles));
            await users.AddToRolesAsync(user, change.Roles.Except(current));
        }
        if (change.Locked is { } locked) await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        // A new stamp ends every sign-in the person holds (cookies, bearer tokens, open pages), so a locked account or a
        // removed role stops working at once rather than when a token expires.
        if (change.Locked is not null || change.Roles is not null) await users.UpdateSecurityStampAsync(user);
        if (change.Password is { Length: > 0 } password)
        {
            await users.RemovePasswordAsync(user);
            var set = await users.AddPasswordAsync(user, password);
            if (!set.Succeeded) return new Result(null,
                new Dictionary<string, string[]> { ["password"] = set.Errors.Select(e => e.Description).ToArray() });
        }
        await AuditAsync(actorId, "UserUpdated", new JsonObject { ["user"] = user.UserName });
        return new Result(await ViewAsync(user), new Dictionary<string, string[]>());
    }

    private async Task AuditAsync(string actorId, string action, JsonObject data)
    {
        // Whoever changed, this host stops answering from what it kept about them.
        (directory as IdentityUserDirectory)?.Forget();
        await using var db = factory.Create();
        await AdministrativeChange.SaveAsync(db, actorId, action, data, clock.GetUtcNow());
    }

    private static string FieldOf(string code) => code.Contains("Password", StringComparison.Ordinal) ? "password"
        : code.Contains("Email", StringComparison.Ordinal) ? "email" : "userName";

    private async Task<Account> ViewAsync(ApplicationUser u) =>
        new(u.Id, u.UserName ?? "", u.DisplayName, u.Email, u.UnitId, [.. await users.GetRolesAsync(u)], u.Language,
            await users.IsLockedOutAsync(u));
}
