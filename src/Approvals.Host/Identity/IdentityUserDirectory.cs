using Approvals.Activities.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Identity;

/// <summary>The domain's view of the people, read from Identity's tables.</summary>
internal sealed class IdentityUserDirectory(IServiceScopeFactory scopes) : IUserDirectory
{
    public async Task<DirectoryUser?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return null;
        var roles = await (from ur in db.UserRoles where ur.UserId == userId join r in db.Roles on ur.RoleId equals r.Id select r.Name!).ToListAsync(cancellationToken);
        return ToDirectoryUser(user, roles);
    }

    public async Task<IReadOnlyList<DirectoryUser>> UsersInRoleAsync(string role, string? unitId = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var query = from r in db.Roles where r.Name == role
                    join ur in db.UserRoles on r.Id equals ur.RoleId
                    join u in db.Users on ur.UserId equals u.Id
                    where unitId == null || u.UnitId == unitId
                    orderby u.UserName
                    select u;
        var users = await query.AsNoTracking().ToListAsync(cancellationToken);
        var result = new List<DirectoryUser>(users.Count);
        foreach (var user in users)
        {
            var roles = await (from ur in db.UserRoles where ur.UserId == user.Id join r in db.Roles on ur.RoleId equals r.Id select r.Name!).ToListAsync(cancellationToken);
            result.Add(ToDirectoryUser(user, roles));
        }
        return result;
    }

    private static DirectoryUser ToDirectoryUser(ApplicationUser user, IEnumerable<string> roles) =>
        new(user.Id, user.UserName ?? user.Id, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName,
            user.Email ?? "", user.UnitId, roles.ToHashSet(), user.Language);
}
