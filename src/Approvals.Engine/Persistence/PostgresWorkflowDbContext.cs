using Microsoft.EntityFrameworkCore;

namespace Approvals.Engine.Persistence;

/// <summary>The engine's tables on PostgreSQL (several hosts sharing one database).</summary>
public sealed class PostgresWorkflowDbContext(DbContextOptions<PostgresWorkflowDbContext> options) : WorkflowDbContext(options);
