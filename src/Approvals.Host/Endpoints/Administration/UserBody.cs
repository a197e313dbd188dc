using Approvals.Host.Administration;

namespace Approvals.Host.Endpoints.Administration;

/// <summary>An account as an administrator sends it; a missing property is left as it is.</summary>
public sealed record UserBody(
    string? UserName, string? DisplayName, string? Email, string? UnitId, IReadOnlyList<string>? Roles, string? Language, string? Password,
    bool? Locked)
{
    public UserAccounts.AccountChange ToChange() => new(UserName, DisplayName, Email, UnitId, Roles, Language, Password, Locked);
}
