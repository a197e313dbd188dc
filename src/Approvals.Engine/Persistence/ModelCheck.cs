using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approvals.Engine.Persistence;

/// <summary>
/// Whether the model still matches the migrations is a question for the build, not for every start: EF Core answers it by
/// building the migrations' snapshot model and comparing the two, on each migration at start-up — start-up time, and compiled
/// code the host then keeps. The tests ask it of every context on both databases (<c>HasPendingModelChanges</c>).
/// </summary>
public static class ModelCheck
{
    public static DbContextOptionsBuilder<TContext> LeftToTheTests<TContext>(this DbContextOptionsBuilder<TContext> builder)
        where TContext : DbContext =>
        builder.ConfigureWarnings(Unchecked);

    public static DbContextOptionsBuilder LeftToTheTests(this DbContextOptionsBuilder builder) => builder.ConfigureWarnings(Unchecked);

    private static void Unchecked(WarningsConfigurationBuilder warnings) => warnings.Ignore(RelationalEventId.PendingModelChangesWarning);
}
