using Approvals.Activities.Audit;
using Approvals.Activities.Calendar;
using Approvals.Activities.Units;
using Approvals.Activities.DocumentNumbers;
using Approvals.Activities.Proxies;
using Approvals.Activities.Quotas;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Approvals.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Persistence;

/// <summary>
/// The approval domain's tables, in the same database as the engine's. Writes that belong to an execution burst
/// go through <see cref="ApprovalsCommitParticipant"/> on the engine's connection and transaction.
/// </summary>
public abstract class ApprovalsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__ApprovalsMigrationsHistory";

    public DbSet<Request> Requests => Set<Request>();
    public DbSet<RequestRevision> RequestRevisions => Set<RequestRevision>();
    public DbSet<RequestAttachment> RequestAttachments => Set<RequestAttachment>();
    public DbSet<HumanTask> Tasks => Set<HumanTask>();
    public DbSet<TaskCandidate> TaskCandidates => Set<TaskCandidate>();
    public DbSet<Proxy> Proxies => Set<Proxy>();
    public DbSet<UnitQuota> UnitQuotas => Set<UnitQuota>();
    public DbSet<QuotaUse> QuotaUses => Set<QuotaUse>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<DocumentNumberAssignment> DocumentNumbers => Set<DocumentNumberAssignment>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<Unit> Units => Set<Unit>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Request>(e =>
        {
            e.ToTable("Requests");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Number).HasMaxLength(32);
            e.Property(x => x.Type).HasMaxLength(64);
            e.Property(x => x.UnitId).HasMaxLength(64);
            e.Property(x => x.ApplicantId).HasMaxLength(64);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Data).HasConversion(JsonColumn.Object!, JsonColumn.ObjectComparer!);
            e.Property(x => x.PolicyChecks).HasConversion(JsonColumn.Array, JsonColumn.ArrayComparer);
            e.Property(x => x.QuotaStanding).HasConversion(JsonColumn.Object, JsonColumn.ObjectComparer);
            e.HasIndex(x => x.Number).IsUnique();
            e.HasIndex(x => new { x.UnitId, x.CreatedAt });
            e.HasIndex(x => new { x.ApplicantId, x.CreatedAt });
            e.HasIndex(x => new { x.Type, x.State });
            e.HasIndex(x => x.WorkflowInstanceId).IsUnique();
        });
        b.Entity<RequestRevision>(e =>
        {
            e.ToTable("RequestRevisions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Data).HasConversion(JsonColumn.Object!, JsonColumn.ObjectComparer!);
            e.HasIndex(x => new { x.RequestId, x.Revision }).IsUnique();
        });
        b.Entity<RequestAttachment>(e =>
        {
            e.ToTable("RequestAttachments");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.RequestId);
        });
        b.Entity<HumanTask>(e =>
        {
            e.ToTable("Tasks");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.CandidateRoles).HasConversion(JsonColumn.StringList, JsonColumn.StringListComparer);
            e.Property(x => x.Outcomes).HasConversion(JsonColumn.StringList, JsonColumn.StringListComparer);
            e.Property(x => x.CommentRequiredFor).HasConversion(JsonColumn.StringList, JsonColumn.StringListComparer);
            e.Property(x => x.AttachmentIds).HasConversion(JsonColumn.StringList, JsonColumn.StringListComparer);
            e.Property(x => x.Payload).HasConversion(JsonColumn.Object, JsonColumn.ObjectComparer);
            // Most tasks go to a role and are never claimed: these hold only the tasks of one person, so opening and closing
            // a role's task leaves them alone.
            e.HasIndex(x => new { x.AssigneeId, x.Status, x.DueAt }).HasFilter("\"AssigneeId\" IS NOT NULL");
            e.HasIndex(x => new { x.ClaimedBy, x.Status }).HasFilter("\"ClaimedBy\" IS NOT NULL");
            // Open tasks by urgency and due date (an administrator's inbox, overdue statistics): only the open ones, so closing a
            // task takes its entry out rather than moving it among all the closed tasks ever decided.
            e.HasIndex(x => new { x.IsOverdue, x.DueAt, x.CreatedAt }, "IX_Tasks_Open").HasFilter("\"Status\" IN ('Open', 'Claimed')");
            e.HasIndex(x => x.RequestId);
            e.HasIndex(x => x.BookmarkId).IsUnique();
            e.HasIndex(x => x.WorkflowInstanceId);
            // Tasks whose title's terms are still to be written (those from before the terms were kept): empty once done.
            e.HasIndex(x => x.Id, "IX_Tasks_TermsPending").HasFilter("\"SearchTerms\" = ''");
        });
        b.Entity<TaskCandidate>(e =>
        {
            e.ToTable("TaskCandidates");
            e.HasKey(x => new { x.TaskId, x.Role });
            // A role's inbox in its default order, and newest or oldest first: only the rows still in an inbox. The unit, the
            // request type, the request's unit and the stage come last so a tab with any of the filters is counted off the index alone.
            e.HasIndex(x => new { x.Role, x.Urgency, x.DueSort, x.CreatedAt, x.TaskId, x.UnitId, x.RequestType, x.RequestUnitId, x.Stage })
                .HasDatabaseName("IX_TaskCandidates_Inbox")
                .HasFilter("\"IsOpen\"");
            // Both cover the filters: without statistics SQLite may count a role's rows through either.
            e.HasIndex(x => new { x.Role, x.CreatedAt, x.TaskId, x.UnitId, x.RequestType, x.RequestUnitId, x.Stage })
                .HasDatabaseName("IX_TaskCandidates_InboxByCreation")
                .HasFilter("\"IsOpen\"");
        });
        b.Entity<Proxy>(e =>
        {
            e.ToTable("Proxies");
            e.HasKey(x => x.Id);
            e.Property(x => x.DefinitionIds).HasConversion(JsonColumn.StringList, JsonColumn.StringListComparer);
            e.HasIndex(x => x.SubstituteId);
            e.HasIndex(x => x.PrincipalId);
        });
        b.Entity<UnitQuota>(e =>
        {
            e.ToTable("UnitQuotas");
            e.HasKey(x => new { x.UnitId, x.Year });
        });
        b.Entity<QuotaUse>(e =>
        {
            e.ToTable("QuotaUses");
            e.HasKey(x => x.RequestId);
            e.HasIndex(x => new { x.UnitId, x.Year });
        });
        b.Entity<NumberSequence>(e =>
        {
            e.ToTable("NumberSequences");
            e.HasKey(x => new { x.Key, x.Year });
            e.Property(x => x.Last).IsConcurrencyToken();
        });
        b.Entity<DocumentNumberAssignment>(e =>
        {
            e.ToTable("DocumentNumbers");
            e.HasKey(x => new { x.Prefix, x.Year, x.Number });
            e.HasIndex(x => x.RequestId).IsUnique();
        });
        b.Entity<CalendarDay>(e =>
        {
            e.ToTable("CalendarDays");
            e.HasKey(x => x.Date);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditEntries");
            e.HasKey(x => new { x.ChainId, x.Sequence });
            e.Property(x => x.ChainId).HasMaxLength(128);
            e.Property(x => x.Sequence).ValueGeneratedNever();
            e.Property(x => x.Data).HasConversion(JsonColumn.Object, JsonColumn.ObjectComparer);
            e.HasIndex(x => new { x.RequestId, x.Timestamp });
            e.HasIndex(x => x.TaskId);
        });
        b.Entity<AuditChainHead>(e =>
        {
            e.ToTable("AuditChainHeads");
            e.HasKey(x => x.ChainId);
            e.Property(x => x.ChainId).HasMaxLength(128);
            e.Property(x => x.Sequence).IsConcurrencyToken();
        });
        b.Entity<Unit>(e =>
        {
            e.ToTable("Units");
            e.HasKey(x => x.Id);
        });
    }
}
