namespace Approvals.Activities.Contracts;

/// <summary>
/// Who the people are: users, their roles and units. The host implements it on ASP.NET Core Identity;
/// the domain only reads it (to resolve a role into reviewers, and to authorise a decision).
/// </summary>
public interface IUserDirectory
{
    Task<DirectoryUser?> FindAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Users holding <paramref name="role"/>; with <paramref name="unitId"/>, only those of that unit.</summary>
    Task<IReadOnlyList<DirectoryUser>> UsersInRoleAsync(string role, string? unitId = null, CancellationToken cancellationToken = default);
}

/// <summary>A person as the approval domain needs them. A locked account (<see cref="IsActive"/> false) decides and sees nothing.</summary>
public sealed record DirectoryUser(string Id, string UserName, string DisplayName, string Email, string? UnitId, IReadOnlySet<string> Roles,
    string Language = "zh-CN",
    bool IsActive = true)
{
    public bool IsInRole(string role, string? unitId = null) =>
        Roles.Contains(role) && (unitId is null || string.Equals(UnitId, unitId, StringComparison.Ordinal));
}
