using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Approvals.Engine.Persistence;

/// <summary>
/// Writes rows inside the caller's open transaction with plain SQL statements built once per shape from the context's
/// model — its tables, columns and the model's own value conversions (UTC ticks on SQLite, enums as text, JSON
/// columns) — so a commit on the hot path pays for neither change tracking nor SQL generation per call. Rows written
/// here are read back by the same context types as rows saved through Entity Framework.
/// </summary>
/// <remarks>
/// Statement errors surface as <see cref="DbUpdateException"/> (a duplicate key included), and a row an update or delete
/// expected but did not find as <see cref="DbUpdateConcurrencyException"/>, as <c>SaveChanges</c> reports them.
/// </remarks>
public sealed class RowWriter
{
    private static readonly ConcurrentDictionary<(IEntityType Type, string Shape), string> Statements = new();
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Prepared = new();
    private static readonly ConcurrentDictionary<IEntityType, (IProperty? Generated, IProperty[] Columns)> InsertColumns = new();
    private readonly DbContext _db;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;

    public RowWriter(DbContext db)
    {
        _db = db;
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are written only inside a transaction: begin one first.");
    }

    /// <summary>Inserts the rows; a key the database generates (an outbox row's id) is read back onto each row.</summary>
    public async Task InsertAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        var type = EntityType<T>();
        var (generated, columns) = InsertColumns.GetOrAdd(type, ColumnsToInsert);
        // The order of rows a multi-row RETURNING gives back is not promised: rows with a generated key go one at a time.
        foreach (var chunk in generated is null ? rows.Chunk(Math.Max(1, 500 / columns.Length)) : rows.Select(r => new[] { r }))
        {
            var sql = Statements.GetOrAdd((type, $"insert:{chunk.Length}"), _ => InsertSql(type, columns, chunk.Length, generated));
            await using var command = Statement(sql);
            var n = 0;
            foreach (var row in chunk)
                foreach (var column in columns) Add(command, ref n, column, column.GetGetter().GetClrValueUsingContainingEntity(row));
            if (generated is null)
                await RunAsync(command, cancellationToken);
            else
            {
                var id = await RunScalarAsync(command, cancellationToken);
                generated.PropertyInfo!.SetValue(chunk[0], Convert.ChangeType(id, generated.ClrType, CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>
    /// Sets <paramref name="set"/> on the rows matching every condition of <paramref name="where"/> (a property equal to
    /// one of the values given for it) and returns how many rows changed.
    /// </summary>
    public async Task<int> UpdateAsync<T>(IReadOnlyList<RowValue> set, IReadOnlyList<RowCondition> where,
        CancellationToken cancellationToken) where T : class
    {
        var type = EntityType<T>();
        var shape = "update:" + string.Join(',', set.Select(s => s.Property)) + ":" + Shape(where);
        var sql = Statements.GetOrAdd((type, shape), _ =>
        {
            var n = 0;
            var assignments = set.Select(s => $"{Column(type, s.Property)} = @p{n++}");
            return $"UPDATE {Table(type)} SET {string.Join(", ", assignments)} WHERE {WhereSql(type, where, ref n)}";
        });
        await using var command = Statement(sql);
        var p = 0;
        foreach (var value in set) Add(command, ref p, Property(type, value.Property), value.Value);
        AddConditions(command, ref p, type, where);
        return await RunAsync(command, cancellationToken);
    }

    /// <summary>Updates one row by its key, requiring each <paramref name="expected"/> value still to hold (a concurrency token).</summary>
    public async Task UpdateRowAsync<T>(T row, IReadOnlyList<string> properties, IReadOnlyList<RowCondition> expected,
        CancellationToken cancellationToken)
        where T : class
    {
        var type = EntityType<T>();
        var where = KeyOf(type, row).Concat(expected).ToList();
        var set = properties.Select(name => new RowValue(name, Property(type, name).GetGetter().GetClrValueUsingContainingEntity(row)))
            .ToList();
        if (await UpdateAsync<T>(set, where, cancellationToken) == 0)
            throw new DbUpdateConcurrencyException($"The {type.ShortName()} row {KeyText(type, row)} changed or was removed meanwhile.");
    }

    /// <summary>Deletes the rows by key; one that is already gone is a concurrency conflict, as in <c>SaveChanges</c>.</summary>
    public async Task DeleteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        var type = EntityType<T>();
        var key = type.FindPrimaryKey()!.Properties is [var single] ? single
            : throw new NotSupportedException($"{type.ShortName()} has a composite key; delete it with a condition.");
        var values = rows.Select(r => key.GetGetter().GetClrValueUsingContainingEntity(r)).ToArray();
        var deleted = await DeleteWhereAsync<T>([new RowCondition(key.Name, values)], cancellationToken);
        if (deleted != rows.Count)
        {
            var missing = rows.Count - deleted;
            throw new DbUpdateConcurrencyException($"{missing} of {rows.Count} {type.ShortName()} rows were removed meanwhile.");
        }
    }

    /// <summary>Deletes the rows matching every condition and returns how many there were.</summary>
    public async Task<int> DeleteWhereAsync<T>(IReadOnlyList<RowCondition> where, CancellationToken cancellationToken) where T : class
    {
        var type = EntityType<T>();
        var sql = Statements.GetOrAdd((type, "delete:" + Shape(where)), _ =>
        {
            var n = 0;
            return $"DELETE FROM {Table(type)} WHERE {WhereSql(type, where, ref n)}";
        });
        await using var command = Statement(sql);
        var p = 0;
        AddConditions(command, ref p, type, where);
        return await RunAsync(command, cancellationToken);
    }

    /// <summary>The stored form of a property's value (what a hand-written statement compares with).</summary>
    public DbParameter Parameter<T>(DbCommand command, string name, string property, object? value) where T : class =>
        Property(EntityType<T>(), property).GetRelationalTypeMapping().CreateParameter(command, name, value, nullable: true);

    /// <summary>A command in the caller's transaction, for a statement this writer has no shape for.</summary>
    public DbCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// Keeps the statements written on <paramref name="connection"/> prepared for as long as it lives: for a connection
    /// that stays open (SQLite's writer), where preparing each statement anew is most of what a write costs.
    /// </summary>
    public static void KeepPrepared(DbConnection connection) =>
        Prepared.AddOrUpdate(connection, new Dictionary<string, DbCommand>(StringComparer.Ordinal));

    /// <summary>A command for one of this writer's statements: the prepared one when the connection keeps them, else a new one.</summary>
    private PreparedStatement Statement(string sql)
    {
        if (!Prepared.TryGetValue(_connection, out var kept)) return new PreparedStatement(Command(sql), Owned: true);
        if (!kept.TryGetValue(sql, out var command))
        {
            kept[sql] = command = _connection.CreateCommand();
            command.CommandText = sql;
        }
        // A kept command keeps its parameters too: each use only sets their values.
        command.Transaction = _transaction;
        return new PreparedStatement(command, Owned: false);
    }

    /// <summary>A statement's command, disposed after use unless its connection keeps it prepared.</summary>
    private readonly record struct PreparedStatement(DbCommand Command, bool Owned) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Owned ? Command.DisposeAsync() : ValueTask.CompletedTask;

        public static implicit operator DbCommand(PreparedStatement statement) => statement.Command;
    }

    /// <summary>Runs a statement, reporting a failure as <c>SaveChanges</c> would.</summary>
    private static async Task<int> RunAsync(DbCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            throw new DbUpdateException($"Writing rows failed: {ex.Message}", ex);
        }
    }

    private static async Task<object?> RunScalarAsync(DbCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (DbException ex)
        {
            throw new DbUpdateException($"Writing rows failed: {ex.Message}", ex);
        }
    }

    private IEntityType EntityType<T>() => _db.Model.FindEntityType(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not a table of {_db.GetType().Name}.");

    private static IProperty Property(IEntityType type, string name) => type.FindProperty(name)
        ?? throw new InvalidOperationException($"{type.ShortName()} has no column {name}.");

    private static string Table(IEntityType type) => Quote(type.GetTableMappings().First().Table.Name);

    private static string Column(IEntityType type, string property) => Column(Property(type, property));

    private static string Column(IProperty property) => Quote(property.GetTableColumnMappings().First().Column.Name);

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    private static string Shape(IReadOnlyList<RowCondition> where) =>
        string.Join(',', where.Select(w => $"{w.Property}:{w.AnyOf.Count(v => v is not null)}:{w.AnyOf.Any(v => v is null)}"));

    /// <summary>The columns an insert names: all but a key the database generates.</summary>
    private static (IProperty? Generated, IProperty[] Columns) ColumnsToInsert(IEntityType type)
    {
        var generated = type.FindPrimaryKey()!.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } key] ? key : null;
        return (generated, type.GetProperties().Where(p => p != generated).ToArray());
    }

    private static string InsertSql(IEntityType type, IReadOnlyList<IProperty> columns, int rows, IProperty? generated)
    {
        var n = 0;
        var values = Enumerable.Range(0, rows).Select(_ => "(" + string.Join(", ", columns.Select(_ => $"@p{n++}")) + ")");
        var sql = $"INSERT INTO {Table(type)} ({string.Join(", ", columns.Select(Column))}) VALUES {string.Join(", ", values)}";
        return generated is null ? sql : sql + $" RETURNING {Column(generated)}";
    }

    private static string WhereSql(IEntityType type, IReadOnlyList<RowCondition> where, ref int n)
    {
        var parts = new List<string>();
        foreach (var condition in where)
        {
            var column = Column(type, condition.Property);
            var values = condition.AnyOf.Count(v => v is not null);
            var start = n;
            n += values;
            var options = new List<string>();
            if (values == 1) options.Add($"{column} = @p{start}");
            else if (values > 1) options.Add($"{column} IN ({string.Join(", ", Enumerable.Range(start, values).Select(i => $"@p{i}"))})");
            if (condition.AnyOf.Any(v => v is null)) options.Add($"{column} IS NULL");
            parts.Add(options.Count == 1 ? options[0] : "(" + string.Join(" OR ", options) + ")");
        }
        return string.Join(" AND ", parts);
    }

    private static void AddConditions(DbCommand command, ref int n, IEntityType type, IReadOnlyList<RowCondition> where)
    {
        foreach (var condition in where)
        {
            var property = Property(type, condition.Property);
            foreach (var value in condition.AnyOf.Where(v => v is not null)) Add(command, ref n, property, value);
        }
    }

    private static void Add(DbCommand command, ref int n, IProperty property, object? value)
    {
        if (n < command.Parameters.Count)
        {
            command.Parameters[n++].Value = Stored(property, value) ?? DBNull.Value;
            return;
        }
        command.Parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, $"@p{n++}", value, property.IsNullable));
    }

    /// <summary>
    /// A property's value as its column stores it (what the mapping's <c>CreateParameter</c> would set): converted by the
    /// model's converter (an enum as text, a time as UTC ticks on SQLite), an enum without one as its number.
    /// </summary>
    internal static object? Stored(IProperty property, object? value)
    {
        var mapping = property.GetRelationalTypeMapping();
        if (value is Enum && mapping.Converter is null)
            value = Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture);
        return mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }

    private static IEnumerable<RowCondition> KeyOf(IEntityType type, object row) =>
        type.FindPrimaryKey()!.Properties.Select(p => new RowCondition(p.Name, p.GetGetter().GetClrValueUsingContainingEntity(row)));

    private static string KeyText(IEntityType type, object row) =>
        string.Join("/", type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter().GetClrValueUsingContainingEntity(row)));
}
