using Approvals.Engine.Options;
using Approvals.Engine.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Approvals.Engine.Tests.Persistence;

/// <summary>
/// A start on an up-to-date database reads the migration history and writes nothing (EF Core's migration lock is two commits).
/// </summary>
public sealed class StartUpMigrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("approvals-startup-").FullName;

    [Fact]
    public async Task A_second_start_leaves_an_up_to_date_database_unwritten_and_a_behind_one_is_migrated()
    {
        var connectionString = $"Data Source={Path.Combine(_folder, "engine.db")};Pooling=False";
        using var factory = new WorkflowDbContextFactory(
            Microsoft.Extensions.Options.Options.Create(new EngineOptions { ConnectionString = connectionString }));
        var migrator = new DatabaseMigrator(factory);
        await migrator.MigrateAsync();

        // data_version changes, for this connection, whenever another connection commits to the file.
        await using var watcher = new SqliteConnection(connectionString);
        await watcher.OpenAsync();
        var before = await DataVersionAsync(watcher);
        await migrator.MigrateAsync();
        Assert.Equal(before, await DataVersionAsync(watcher));

        // A database a migration behind (its last migration undone) is still brought up to date.
        await using var db = factory.Create();
        var migrations = db.Database.GetMigrations().ToList();
        await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        Assert.Equal([migrations[^1]], await db.Database.GetPendingMigrationsAsync());
        await migrator.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEqual(before, await DataVersionAsync(watcher));
    }

    private static async Task<long> DataVersionAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
