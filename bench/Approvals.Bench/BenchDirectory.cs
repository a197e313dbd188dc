using Approvals.Activities.Contracts;

namespace Approvals.Bench;

/// <summary>The few people the benchmarks need: reviewers of two stages and an applicant.</summary>
internal sealed class BenchDirectory : IUserDirectory
{
    private static readonly DirectoryUser[] People =
    [
        new("reviewer", "reviewer", "Reviewer", "reviewer@approvals.test", null, new HashSet<string> { "protocol-division" }),
        new("director", "director", "Director", "director@approvals.test", null, new HashSet<string> { "fao-director" }),
    ];

    public Task<DirectoryUser?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(People.FirstOrDefault(p => p.Id == userId));

    public Task<IReadOnlyList<DirectoryUser>> UsersInRoleAsync(string role, string? unitId = null,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DirectoryUser>>(People.Where(p => p.IsInRole(role, unitId)).ToList());
}
