using Approvals.Activities.Contracts;

namespace Approvals.Host.Identity;

/// <summary>
/// The directory before sign-in exists: it knows nobody, so no one can file or decide yet. Replaced by the
/// Identity-backed directory when users, roles and units are added to the host.
/// </summary>
internal sealed class NoUserDirectory : IUserDirectory
{
    public Task<DirectoryUser?> FindAsync(string userId, CancellationToken cancellationToken = default) => Task.FromResult<DirectoryUser?>(null);

    public Task<IReadOnlyList<DirectoryUser>> UsersInRoleAsync(string role, string? unitId = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DirectoryUser>>([]);
}
