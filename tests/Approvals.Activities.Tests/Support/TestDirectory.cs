using System.Collections.Concurrent;
using Approvals.Activities.Contracts;

namespace Approvals.Activities.Tests.Support;

/// <summary>The people of DOMAIN.md, as the host's identity store would list them.</summary>
public sealed class TestDirectory : IUserDirectory
{
    public const string Wujiang = "wujiang-fao";
    public const string Education = "education-bureau";

    private readonly ConcurrentDictionary<string, DirectoryUser> _users = new();

    public TestDirectory()
    {
        Add("applicant", Wujiang, "applicant");
        Add("applicant2", Education, "applicant");
        Add("unit-head", Wujiang, "unit-head");
        Add("unit-head2", Education, "unit-head");
        Add("sister-city-division", null, "sister-city-division");
        Add("outbound-division", null, "outbound-division");
        Add("protocol-division", null, "protocol-division");
        Add("fao-director", null, "fao-director");
        Add("city-leadership", null, "city-leadership");
        for (var i = 1; i <= 5; i++) Add($"board{i}", null, "review-board");
        Add("fao-liaison", null, "fao-liaison");
        Add("outsider", null);
        Add("deputy", null);
    }

    public DirectoryUser Add(string id, string? unit, params string[] roles)
    {
        var user = new DirectoryUser(id, id, id, $"{id}@approvals.test", unit, roles.ToHashSet(), id.EndsWith('2') ? "en" : "zh-CN");
        _users[id] = user;
        return user;
    }

    public Task<DirectoryUser?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_users.GetValueOrDefault(userId));

    public Task<IReadOnlyList<DirectoryUser>> UsersInRoleAsync(string role, string? unitId = null,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DirectoryUser>>(_users.Values.Where(u => u.IsInRole(role, unitId)).OrderBy(u => u.Id,
            StringComparer.Ordinal).ToList());
}
