using Approvals.Activities.Persistence;
using Approvals.Activities.Tasks;
using Approvals.Activities.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Activities.Tests.Tasks;

/// <summary>The inbox's search for words of task titles, through the full-text index, on a real SQLite file.</summary>
public sealed class InboxSearchTests : IAsyncLifetime
{
    private TestApprovals _a = null!;

    public async Task InitializeAsync() => _a = await TestApprovals.CreateAsync();

    public async Task DisposeAsync() => await _a.DisposeAsync();

    private Inbox Inbox => _a.Services.GetRequiredService<Inbox>();
    private TitleIndex TitleIndex => _a.Services.GetRequiredService<TitleIndex>();

    [Fact]
    public void A_title_is_kept_as_its_pairs_of_letters_and_a_search_as_phrases_of_them()
    {
        Assert.Equal(["代表 表团", "47 71 11"], TitleTerms.Phrases("代表团  4711").Select(p => string.Join(' ', p)));
        Assert.Equal(["日", "si is st te er"], TitleTerms.Phrases("日 SISTER ,日").Select(p => string.Join(' ', p)));
        Assert.Empty(TitleTerms.Phrases(" -：, "));
        var terms = TitleTerms.Of("礼宾处：A-b").Split(' ');
        Assert.Contains("礼宾", terms);
        Assert.Contains("宾处", terms);
        Assert.DoesNotContain("处a", terms);
        Assert.DoesNotContain("ab", terms);
        Assert.Contains("a", terms);
        Assert.Equal(TitleTerms.Of("礼宾处：A-b"), new HumanTask
        {
            Id = "t", WorkflowInstanceId = "w", DefinitionId = "d", ActivityId = "a", ActivityExecutionId = "e", BookmarkId = "b",
            Kind = "review",
            Title = "礼宾处：A-b",
        }.SearchTerms);
    }

    [Fact]
    public async Task Words_of_open_task_titles_are_found_as_exactly_as_a_substring_and_a_decided_task_drops_out()
    {
        var japan = await SubmitCourtesyAsync("日本友好代表团 来访");
        var korea = await SubmitCourtesyAsync("韩国经贸代表团");
        var ostrava = await SubmitCourtesyAsync("Ostrava Sister-City Delegation");
        var troupe = await SubmitCourtesyAsync("艺术代表 表演团");

        // First while the tasks wait in the queue of the index, then once they are in the index.
        foreach (var indexed in new[] { false, true })
        {
            if (indexed) Assert.Equal(4, await TitleIndex.CatchUpAsync());
            Assert.Equal(indexed ? 0 : 4, await QueuedAsync());
            Assert.Equal([japan], await FoundAsync("日本"));
            Assert.Equal([japan, korea], await FoundAsync("代表团"));
            Assert.Equal([japan], await FoundAsync("本友好"));
            Assert.Equal([japan], await FoundAsync("日"));
            Assert.Equal([korea], await FoundAsync("代表团 韩国"));
            Assert.Equal([ostrava], await FoundAsync("sister city"));
            Assert.Equal([ostrava], await FoundAsync("OSTRA"));
            // The pairs of a phrase must follow one another in one run of letters of the title.
            Assert.Empty(await FoundAsync("代表团来"));
            Assert.Empty(await FoundAsync("日韩"));
            Assert.Empty(await FoundAsync("代表演"));
            Assert.Equal([troupe], await FoundAsync("表演团"));
            Assert.Empty(await FoundAsync("-：-"));
            Assert.Equal(4, (await Inbox.QueryAsync("protocol-division", new InboxQuery { Search = "礼宾处审核" })).Total);
        }
        Assert.Equal(1, await IndexedAsync("日本"));

        await _a.DecideAsync(japan, "protocol", "protocol-division", "Approved");
        // The decided task leaves the index and the director's new one, with the same delegation's name, enters it.
        Assert.Equal(2, await QueuedAsync());
        Assert.Empty(await FoundAsync("日本"));
        Assert.Equal([korea], await FoundAsync("代表团"));
        var director = await Inbox.QueryAsync("fao-director", new InboxQuery { Search = "日本" });
        Assert.Equal([japan], director.Items.Select(t => t.RequestId));
        Assert.Equal(2, await TitleIndex.CatchUpAsync());
        Assert.Equal(0, await TitleIndex.CatchUpAsync());
        Assert.Equal(1, await IndexedAsync("日本"));
        Assert.Equal(3, await IndexedAsync("礼宾处"));
        Assert.Equal([japan], (await Inbox.QueryAsync("fao-director", new InboxQuery { Search = "日本" })).Items.Select(t => t.RequestId));
    }

    [Fact]
    public async Task A_search_matching_many_tasks_pages_and_counts_them_in_inbox_order()
    {
        var first = await SubmitCourtesyAsync("日本友好代表团");
        await using (var db = _a.Db())
        {
            var start = _a.Clock.GetUtcNow();
            for (var i = 0; i < 620; i++)
            {
                var task = new HumanTask
                {
                    Id = $"bulk{i:D4}", WorkflowInstanceId = $"w{i}", DefinitionId = "courtesy-request", ActivityId = "protocol",
                    ActivityExecutionId = $"e{i}",
                    BookmarkId = $"b{i}", Kind = "review", Title = $"礼宾处审核：第{i}批代表团", CandidateRoles = ["protocol-division"],
                    CreatedAt = start.AddMinutes(i + 1), DueAt = start.AddDays(-1).AddMinutes(-i), RequestType = "courtesy",
                };
                db.Tasks.Add(task);
                db.TaskCandidates.Add(TaskCandidate.For(task, "protocol-division", null));
            }
            await db.SaveChangesAsync();
        }

        var page = await Inbox.QueryAsync("protocol-division",
            new InboxQuery { Scope = InboxScope.Candidate, Search = "代表团", PageSize = 50, Page = 2 });
        Assert.Equal(621, page.Total);
        Assert.Equal(50, page.Items.Count);
        // Nearest due date first: the bulk tasks fall due in the reverse of their numbering, all before the filed request's.
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"bulk{569 - i:D4}"), page.Items.Select(t => t.Id));
        var few = await Inbox.QueryAsync("protocol-division", new InboxQuery { Scope = InboxScope.Candidate, Search = "第61批" });
        Assert.Equal(["bulk0061"], few.Items.Select(t => t.Id));
        Assert.Equal(11, (await Inbox.QueryAsync("protocol-division", new InboxQuery { Search = "第61" })).Total);
        Assert.Equal([first], await FoundAsync("日本"));
    }

    [Fact]
    public async Task Tasks_without_terms_get_them_when_the_database_is_migrated_and_are_found_then()
    {
        var japan = await SubmitCourtesyAsync("日本友好代表团");
        await using (var db = _a.Db())
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(
                """UPDATE "Tasks" SET "SearchTerms" = '' WHERE "RequestId" = {0}""", japan));
        Assert.Empty(await FoundAsync("日本"));
        await TitleIndex.CatchUpAsync();
        Assert.Equal(0, await IndexedAsync("日本"));

        await _a.Services.GetRequiredService<ApprovalsDatabaseMigrator>().MigrateAsync();

        Assert.Equal([japan], await FoundAsync("日本"));
        Assert.Equal(1, await TitleIndex.CatchUpAsync());
        Assert.Equal(1, await IndexedAsync("日本"));
        Assert.Equal([japan], await FoundAsync("日本"));
        await using var check = _a.Db();
        Assert.Equal(0, await check.Tasks.CountAsync(t => t.SearchTerms == ""));
    }

    [Fact]
    public async Task The_request_type_is_kept_on_the_task_and_its_candidates_and_filters_and_counts_the_inbox()
    {
        await SubmitCourtesyAsync("日本友好代表团");
        await SubmitCourtesyAsync("韩国经贸代表团");
        var sister = await _a.Requests.SubmitAsync("applicant", "sister-city", FormData.SisterCity());

        var candidates = await _a.QueryAsync(db => db.TaskCandidates.Where(c => c.IsOpen));
        Assert.Equal(["courtesy", "courtesy", "sister-city"], candidates.Select(c => c.RequestType!).Order());
        Assert.Equal("sister-city", (await _a.OpenTasksAsync(sister.Id)).Single().RequestType);
        var courtesy = await Inbox.QueryAsync("protocol-division",
            new InboxQuery { Scope = InboxScope.Candidate, RequestType = "courtesy" });
        Assert.Equal(2, courtesy.Total);
        Assert.All(courtesy.Items, t => Assert.Equal("courtesy", t.RequestType));
        Assert.Equal(0, (await Inbox.QueryAsync("protocol-division", new InboxQuery { RequestType = "sister-city" })).Total);
    }

    [Fact]
    public async Task The_request_unit_and_the_stage_are_kept_on_the_candidates_and_filter_and_count_the_inbox()
    {
        await SubmitCourtesyAsync("日本友好代表团");
        await SubmitCourtesyAsync("韩国经贸代表团");
        var education = await _a.Requests.SubmitAsync("applicant2", "courtesy", FormData.Courtesy());

        var candidates = await _a.QueryAsync(db => db.TaskCandidates.Where(c => c.IsOpen));
        Assert.Equal(["education-bureau", "wujiang-fao", "wujiang-fao"], candidates.Select(c => c.RequestUnitId!).Order());
        Assert.All(candidates, c => Assert.Equal("protocol", c.Stage));
        Assert.Equal("education-bureau", (await _a.OpenTasksAsync(education.Id)).Single().RequestUnitId);

        var wujiang = await Inbox.QueryAsync("protocol-division", new InboxQuery { Scope = InboxScope.Candidate, UnitId = "wujiang-fao" });
        Assert.Equal(2, wujiang.Total);
        Assert.All(wujiang.Items, t => Assert.Equal("wujiang-fao", t.RequestUnitId));
        var ofStage = await Inbox.QueryAsync("protocol-division", new InboxQuery { Stage = "protocol", UnitId = "education-bureau" });
        Assert.Equal([education.Id], ofStage.Items.Select(t => t.RequestId));
        Assert.Equal(1, ofStage.Total);
        Assert.Equal(0, (await Inbox.QueryAsync("protocol-division", new InboxQuery { Stage = "director" })).Total);

        // Once decided, the next stage's candidates carry its stage, and the unit still.
        await _a.DecideAsync(education.Id, "protocol", "protocol-division", "Approved");
        var next = (await _a.OpenTasksAsync(education.Id)).Single();
        var nextCandidates = await _a.QueryAsync(db => db.TaskCandidates.Where(c => c.TaskId == next.Id));
        Assert.All(nextCandidates, c => Assert.Equal((next.ActivityId, "education-bureau"), (c.Stage!, c.RequestUnitId!)));
    }

    private async Task<string> SubmitCourtesyAsync(string delegation)
    {
        var data = FormData.Courtesy();
        data["delegationName"] = delegation;
        return (await _a.Requests.SubmitAsync("applicant", "courtesy", data)).Id;
    }

    private async Task<List<string>> FoundAsync(string search) =>
        (await Inbox.QueryAsync("protocol-division", new InboxQuery { Search = search, Sort = InboxSort.Created }))
            .Items.Select(t => t.RequestId!).ToList();

    private async Task<int> QueuedAsync()
    {
        await using var db = _a.Db();
        return await db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "TaskSearchQueue" """).SingleAsync();
    }

    /// <summary>How many tasks the full-text index itself holds with the words (not counting the queue).</summary>
    private async Task<int> IndexedAsync(string words)
    {
        await using var db = _a.Db();
        var match = TitleTerms.SqliteMatch(TitleTerms.Phrases(words));
        return await db.Database.SqlQuery<int>($"""SELECT count(*) AS "Value" FROM "TaskSearch" WHERE "TaskSearch" MATCH {match}""")
            .SingleAsync();
    }
}
