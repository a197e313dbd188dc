using System.Collections.Concurrent;
using Approvals.Activities.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Identity;

/// <summary>
/// The domain's view of the people, read from Identity's tables. A decision asks who someone is several times (may they
/// act, who is notified), so answers are kept for a couple of seconds; a change made through the administration pages
/// is forgotten at once on this host, and other hosts see it when their copy expires.
/// </summary>
internal sealed class IdentityUserDirectory(IServiceScopeFactory scopes, TimeProvider clock) : IUserDirectory
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<string, (DirectoryUser? User, string? Stamp, DateTimeOffset Until)> _users =
        new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Role, string? Unit), (IReadOnlyList<DirectoryUser> Users,
        DateTimeOffset Until)> _roles = new();

    public async Task<DirectoryUser?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        (await EntryAsync(userId, cancellationToken)).User;

    /// <summary>The person's security stamp: a sign-in carrying another one was ended (lock, role change, new password).</summary>
    public async Task<string?> SecurityStampAsync(string userId, CancellationToken cancellationToken = default) =>
        (await EntryAsync(userId, cancellationToken)).Stamp;

    private async Task<(DirectoryUser? User, string? Stamp, DateTimeOffset Until)> EntryAsync(string userId,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_users.TryGetValue(userId, out var kept) && kept.Until > now) return kept;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        DirectoryUser? found = null;
        if (user is not null)
        {
            var roles = await (from ur in db.UserRoles where ur.UserId == userId join r in db.Roles on ur.RoleId equals r.Id select r.Name!)
                .ToListAsync(cancellationToken);
            found = ToDirectoryUser(user, roles, now);
        }
        return _users[userId] = (found, user?.SecurityStamp, now + Lifetime);
    }

    public async Task<IReadOnlyList<DirectoryUser>> UsersInRoleAsync(string role, string? unitId = null,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_roles.TryGetValue((role, unitId), out var kept) && kept.Until > now) return kept.Users;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var query = from r in db.Roles where r.Name == role
                    join ur in db.UserRoles on r.Id equals ur.RoleId
                    join u in db.Users on ur.UserId equals u.Id
                    where unitId == null || u.UnitId == unitId
                    orderby u.UserName
                    select u;
        var users = await query.AsNoTracking().ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        // Every member's roles in one query, not one per member.
        var roles = (await (from ur in db.UserRoles
                            where ids.Contains(ur.UserId)
                            join r in db.Roles on ur.RoleId equals r.Id
                            select new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name!);
        IReadOnlyList<DirectoryUser> result = users.Select(u => ToDirectoryUser(u, roles[u.Id], now)).ToList();
        _roles[(role, unitId)] = (result, now + Lifetime);
        return result;
    }

    /// <summary>Drops what this host keeps about people, after an administrator changed someone.</summary>
    public void Forget()
    {
        _users.Clear();
        _roles.Clear();
    }

    private static DirectoryUser ToDirectoryUser(ApplicationUser user, IEnumerable<string> roles, DateTimeOffset now) =>
        new(user.Id, user.UserName ?? user.Id, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName,
            user.Email ?? "", user.UnitId, roles.ToHashSet(), user.Language, IsActive: user.LockoutEnd is not { } end || end <= now);
}
