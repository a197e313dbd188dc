using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;

namespace Approvals.Engine.Persistence;

/// <summary>
/// An entity type's columns and a reader of them, compiled once per model from the model itself: its column names, the
/// provider's reader methods and the model's value conversions (UTC ticks on SQLite, enums as text, JSON columns), put
/// together as Entity Framework's own materializer puts them. A statement written by hand (<see cref="RowReader"/>)
/// then reads rows equal to the ones Entity Framework reads, without its query pipeline.
/// </summary>
public sealed partial class RowShape<T> where T : class
{
    private static readonly ConcurrentDictionary<IModel, RowShape<T>> ByModel = new();
    private static readonly MethodInfo IsDbNull = typeof(DbDataReader).GetMethod(nameof(DbDataReader.IsDBNull), [typeof(int)])!;
    private readonly string[] _columns;
    private readonly Dictionary<string, IProperty> _properties;
    private readonly ConcurrentDictionary<string, string> _selects = new(StringComparer.Ordinal);
    private readonly Func<DbDataReader, int, T> _read;

    private RowShape(IModel model)
    {
        var type = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not a table of the model.");
        var properties = type.GetProperties().ToArray();
        if (properties.FirstOrDefault(p => p.PropertyInfo is null && p.FieldInfo is null) is { } shadow)
            throw new NotSupportedException($"{type.ShortName()}.{shadow.Name} is a shadow property: a row of it has nowhere to go.");
        Table = Quote(type.GetTableMappings().First().Table.Name);
        _columns = properties.Select(ColumnOf).ToArray();
        _properties = properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _read = Compile(properties);
    }

    /// <summary>The shape of <typeparamref name="T"/> in <paramref name="model"/>.</summary>
    public static RowShape<T> Of(IModel model) => ByModel.GetOrAdd(model, m => new RowShape<T>(m));

    /// <summary>The quoted table name.</summary>
    public string Table { get; }

    /// <summary>How many columns <see cref="Columns"/> names (where the next selected value starts).</summary>
    public int Count => _columns.Length;

    /// <summary>A row's select list, each column qualified by <paramref name="alias"/>, in the order <see cref="Read"/> reads.</summary>
    public string Columns(string alias) => string.Join(", ", _columns.Select(c => $"{alias}.{c}"));

    /// <summary>The quoted column of a property (for a statement's conditions and order).</summary>
    public string Column(string property) => ColumnOf(PropertyOf(property));

    /// <summary>A property's value as its column stores it (an enum as text, a time as UTC ticks on SQLite), for a parameter.</summary>
    public object? Stored(string property, object? value) => RowWriter.Stored(PropertyOf(property), value);

    /// <summary>
    /// A statement selecting the rows (as <c>row</c>) that meet <paramref name="where"/>: what follows <c>WHERE</c>, with
    /// <c>{Property}</c> for a property's column, e.g. <c>{WorkflowInstanceId} = @p0 ORDER BY {CreatedAt}</c>. Written once per text.
    /// </summary>
    public string Select(string where) => _selects.TryGetValue(where, out var sql) ? sql
        // Written on the first call only: the lambda below captures this shape, so a call that found the text allocates nothing.
        : _selects.GetOrAdd(where, w =>
            $"SELECT {Columns("row")} FROM {Table} AS row WHERE " + PropertyName().Replace(w, m => "row." + Column(m.Groups[1].Value)));

    /// <summary>The row whose columns start at <paramref name="first"/> in the reader's current record.</summary>
    public T Read(DbDataReader reader, int first = 0) => _read(reader, first);

    private static Func<DbDataReader, int, T> Compile(IProperty[] properties)
    {
        var reader = Expression.Parameter(typeof(DbDataReader), "reader");
        var first = Expression.Parameter(typeof(int), "first");
        var row = Expression.Variable(typeof(T), "row");
        var body = new List<Expression> { Expression.Assign(row, Expression.New(typeof(T))) };
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            var ordinal = Expression.Add(first, Expression.Constant(i));
            var value = Value(property, reader, ordinal);
            if (property.IsNullable || !property.ClrType.IsValueType)
                value = Expression.Condition(Expression.Call(reader, IsDbNull, ordinal), Expression.Default(property.ClrType), value);
            Expression member = property.PropertyInfo is { CanWrite: true } settable
                ? Expression.Property(row, settable)
                : Expression.Field(row, property.FieldInfo ?? throw new NotSupportedException($"{property.Name} cannot be set."));
            body.Add(Expression.Assign(member, value));
        }
        body.Add(row);
        return Expression.Lambda<Func<DbDataReader, int, T>>(Expression.Block([row], body), reader, first).Compile();
    }

    /// <summary>The column's value as the property holds it: read as the provider reads it, converted as the model converts it.</summary>
    private static Expression Value(IProperty property, ParameterExpression reader, Expression ordinal)
    {
        var mapping = property.GetRelationalTypeMapping();
        var method = mapping.GetDataReaderMethod();
        Expression value = Expression.Call(
            method.DeclaringType == typeof(DbDataReader) ? reader : Expression.Convert(reader, method.DeclaringType!), method, ordinal);
        value = mapping.CustomizeDataReaderExpression(value);
        if (mapping.Converter is { } converter)
        {
            if (value.Type != converter.ProviderClrType) value = Expression.Convert(value, converter.ProviderClrType);
            var fromProvider = converter.ConvertFromProviderExpression;
            value = ReplacingExpressionVisitor.Replace(fromProvider.Parameters[0], value, fromProvider.Body);
        }
        return value.Type == property.ClrType ? value : Expression.Convert(value, property.ClrType);
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PropertyName();

    private IProperty PropertyOf(string property) => _properties.TryGetValue(property, out var p) ? p
        : throw new InvalidOperationException($"{typeof(T).Name} has no column {property}.");

    private static string ColumnOf(IProperty property) => Quote(property.GetTableColumnMappings().First().Column.Name);

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
