using Approvals.Engine.Models;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Engine.Persistence;

/// <summary>
/// The engine's tables. Provider-specific subclasses (<see cref="SqliteWorkflowDbContext"/>,
/// <see cref="PostgresWorkflowDbContext"/>) carry their own migrations.
/// </summary>
public abstract class WorkflowDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<WorkflowDefinitionRecord> Definitions => Set<WorkflowDefinitionRecord>();
    public DbSet<WorkflowInstanceRecord> Instances => Set<WorkflowInstanceRecord>();
    public DbSet<Bookmark> Bookmarks => Set<Bookmark>();
    public DbSet<JournalEntry> Journal => Set<JournalEntry>();
    public DbSet<ActivityExecutionRecord> ActivityExecutions => Set<ActivityExecutionRecord>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowDefinitionRecord>(e =>
        {
            e.ToTable("WorkflowDefinitions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.DefinitionId).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(256);
            e.HasIndex(x => new { x.DefinitionId, x.Version }).IsUnique();
            e.HasIndex(x => new { x.DefinitionId, x.IsLatest });
            e.HasIndex(x => new { x.DefinitionId, x.IsPublished });
            e.HasIndex(x => x.Name);
        });

        modelBuilder.Entity<WorkflowInstanceRecord>(e =>
        {
            e.ToTable("WorkflowInstances");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.DefinitionId).HasMaxLength(64);
            e.Property(x => x.DefinitionVersionId).HasMaxLength(64);
            e.Property(x => x.CorrelationId).HasMaxLength(128);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.SubStatus).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ConcurrencyVersion).IsConcurrencyToken();
            e.HasIndex(x => new { x.DefinitionId, x.Status });
            e.HasIndex(x => x.DefinitionVersionId);
            e.HasIndex(x => x.CorrelationId);
            e.HasIndex(x => new { x.SubStatus, x.UpdatedAt });
        });

        modelBuilder.Entity<Bookmark>(e =>
        {
            e.ToTable("Bookmarks");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.WorkflowInstanceId).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(128);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.ActivityId).HasMaxLength(64);
            e.Property(x => x.ActivityExecutionId).HasMaxLength(64);
            e.Property(x => x.CorrelationId).HasMaxLength(128);
            e.Property(x => x.Payload).HasConversion(JsonColumn.Object, JsonColumn.ObjectComparer);
            // A stimulus finds the bookmarks waiting for it, a timer sweep the timers due: each index holds only its own kind,
            // so a decision, which replaces a task's bookmark and its two timers, changes fewer index pages.
            e.HasIndex(x => new { x.Name, x.Hash }).HasFilter("\"ResumeAt\" IS NULL");
            e.HasIndex(x => x.WorkflowInstanceId);
            e.HasIndex(x => x.ResumeAt).HasFilter("\"ResumeAt\" IS NOT NULL");
        });

        modelBuilder.Entity<JournalEntry>(e =>
        {
            e.ToTable("WorkflowJournal");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.WorkflowInstanceId).HasMaxLength(64);
            e.Property(x => x.EventName).HasMaxLength(64);
            e.Property(x => x.Payload).HasConversion(JsonColumn.Node, JsonColumn.NodeComparer);
            e.HasIndex(x => new { x.WorkflowInstanceId, x.Sequence });
        });

        modelBuilder.Entity<ActivityExecutionRecord>(e =>
        {
            e.ToTable("ActivityExecutions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.WorkflowInstanceId).HasMaxLength(64);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Outcomes).HasConversion(JsonColumn.StringList, JsonColumn.StringListComparer);
            e.Property(x => x.Outputs).HasConversion(JsonColumn.Object, JsonColumn.ObjectComparer);
            e.HasIndex(x => new { x.WorkflowInstanceId, x.StartedAt });
            e.HasIndex(x => new { x.WorkflowInstanceId, x.ActivityId });
        });

        modelBuilder.Entity<Incident>(e =>
        {
            e.ToTable("Incidents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.WorkflowInstanceId).HasMaxLength(64);
            e.HasIndex(x => x.WorkflowInstanceId);
        });

        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("OutboxMessages");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.WorkflowInstanceId).HasMaxLength(64);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Body).HasConversion(JsonColumn.Object!, JsonColumn.ObjectComparer!);
            e.HasIndex(x => new { x.Status, x.Kind, x.NextAttemptAt });
            e.HasIndex(x => x.WorkflowInstanceId);
        });
    }
}
