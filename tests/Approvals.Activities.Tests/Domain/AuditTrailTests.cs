using Approvals.Activities.Audit;
using Approvals.Activities.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Tests.Domain;

public sealed class AuditTrailTests : IAsyncLifetime
{
    private TestApprovals _a = null!;

    public async Task InitializeAsync() => _a = await TestApprovals.CreateAsync();
    public async Task DisposeAsync() => await _a.DisposeAsync();

    private async Task<string> SomeHistoryAsync()
    {
        var request = await _a.Requests.SubmitAsync("applicant", "sister-city", FormData.SisterCity());
        await _a.DecideAsync(request.Id, "division", "sister-city-division", "Returned", "补充材料");
        await _a.DecideAsync(request.Id, "revise", "applicant", "Resubmitted", payload: new() { ["data"] = FormData.SisterCity() });
        await _a.DecideAsync(request.Id, "division", "sister-city-division", "Approved");
        return request.Id;
    }

    [Fact]
    public async Task An_untouched_chain_verifies()
    {
        await SomeHistoryAsync();
        await using var db = _a.Db();

        var result = await AuditTrail.VerifyAsync(db);

        Assert.True(result.IsIntact, result.Message);
        Assert.True(result.VerifiedEntries >= 6);
        Assert.Equal(result.VerifiedEntries, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task An_entry_altered_in_the_database_is_found()
    {
        await SomeHistoryAsync();
        await using var db = _a.Db();
        await db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Comment = '材料齐全' WHERE Sequence = 3");

        var result = await AuditTrail.VerifyAsync(db);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBroken);
        Assert.Contains("altered", result.Message);
    }

    [Fact]
    public async Task A_removed_entry_is_found()
    {
        await SomeHistoryAsync();
        await using var db = _a.Db();
        var last = await db.AuditEntries.MaxAsync(e => e.Sequence);
        await db.Database.ExecuteSqlAsync($"DELETE FROM AuditEntries WHERE Sequence = {last}");

        var result = await AuditTrail.VerifyAsync(db);

        Assert.False(result.IsIntact);
        Assert.Equal(last, result.FirstBroken);
    }
}
