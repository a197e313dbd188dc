using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Nodes;
using Approvals.Engine.Contracts;

namespace Approvals.Engine.Descriptors;

/// <summary>The activity types this engine can run, each described once from its class and attributes.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityDescriptor> _byType = new(StringComparer.Ordinal);

    public IReadOnlyCollection<ActivityDescriptor> All => _byType.Values;

    public ActivityDescriptor? Find(string typeName) => _byType.GetValueOrDefault(typeName);

    public ActivityRegistry Register<T>() where T : Activity, new() => Register(typeof(T));

    public ActivityRegistry Register(Type type)
    {
        var descriptor = Describe(type);
        _byType[descriptor.TypeName] = descriptor;
        return this;
    }

    /// <summary>Builds the descriptor of an activity class: type name, ports, inputs and outputs from its attributes.</summary>
    public static ActivityDescriptor Describe(Type type)
    {
        if (!typeof(Activity).IsAssignableFrom(type) || type.IsAbstract)
            throw new ArgumentException($"{type} is not a concrete activity.", nameof(type));
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type} has no [Activity] attribute.", nameof(type));
        var ctor = type.GetConstructor(Type.EmptyTypes) ?? throw new ArgumentException($"{type} needs a parameterless constructor.",
            nameof(type));
        var factory = Expression.Lambda<Func<Activity>>(Expression.New(ctor)).Compile();

        var inputs = new List<InputDescriptor>();
        var outputs = new List<OutputDescriptor>();
        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
        {
            if (property.GetCustomAttribute<InputAttribute>() is { } input)
            {
                inputs.Add(new InputDescriptor(
                    property.Name,
                    ElsaTypeName(property.PropertyType),
                    input.DisplayName ?? Humanize(property.Name),
                    input.Description,
                    input.UIHint ?? DefaultUIHint(property.PropertyType, input.Options),
                    input.Category,
                    input.Order,
                    input.DefaultSyntax,
                    input.DefaultValue,
                    input.Options,
                    input.Required,
                    input.IsWrapped,
                    input.IsSensitive)
                {
                    Property = property,
                    Setter = Setter(property),
                });
            }
            else if (property.GetCustomAttribute<OutputAttribute>() is { } output)
            {
                outputs.Add(new OutputDescriptor(property.Name, ElsaTypeName(property.PropertyType),
                    output.DisplayName ?? Humanize(property.Name), output.Description)
                {
                    Property = property,
                    Getter = Getter(property),
                });
            }
        }

        var typeName = $"{attribute.Namespace}.{attribute.Name}";
        return new ActivityDescriptor
        {
            TypeName = typeName,
            Namespace = attribute.Namespace,
            Name = attribute.Name,
            Version = attribute.Version,
            Category = attribute.Category,
            DisplayName = attribute.DisplayName ?? Humanize(attribute.Name),
            Description = attribute.Description,
            Kind = attribute.Kind,
            Ports = type.GetCustomAttribute<FlowNodeAttribute>()?.Ports ?? ["Done"],
            Inputs = inputs.OrderBy(i => i.Order).ToList(),
            Outputs = outputs,
            IsBrowsable = attribute.IsBrowsable,
            IsContainer = typeName is "Elsa.Flowchart" or "Elsa.Sequence",
            RunsBody = typeof(IContainsBody).IsAssignableFrom(type),
            IsStart = typeName == "Elsa.Start",
            IsTerminal = typeName is "Elsa.End" or "Elsa.Finish" or "Elsa.Fault",
            ClrType = type,
            Factory = factory,
        };
    }

    private static Action<object, object?> Setter(PropertyInfo property)
    {
        var target = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(object));
        var assign = Expression.Assign(
            Expression.Property(Expression.Convert(target, property.DeclaringType!), property),
            Expression.Convert(value, property.PropertyType));
        return Expression.Lambda<Action<object, object?>>(assign, target, value).Compile();
    }

    private static Func<object, object?> Getter(PropertyInfo property)
    {
        var target = Expression.Parameter(typeof(object));
        var read = Expression.Convert(Expression.Property(Expression.Convert(target, property.DeclaringType!), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(read, target).Compile();
    }

    /// <summary>Elsa's short type aliases, which the designer shows and writes into <c>typeName</c>.</summary>
    public static string ElsaTypeName(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "String";
        if (type == typeof(bool)) return "Boolean";
        if (type == typeof(int)) return "Int32";
        if (type == typeof(long)) return "Int64";
        if (type == typeof(double)) return "Double";
        if (type == typeof(decimal)) return "Decimal";
        if (type == typeof(TimeSpan)) return "TimeSpan";
        if (type == typeof(DateTimeOffset)) return "DateTimeOffset";
        if (type == typeof(object) || typeof(JsonNode).IsAssignableFrom(type)) return "Object";
        if (type.IsArray) return ElsaTypeName(type.GetElementType()!) + "[]";
        if (type.IsGenericType && type.GetGenericArguments() is [var item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
            return ElsaTypeName(item) + "[]";
        return type.Name;
    }

    private static string DefaultUIHint(Type type, string[]? options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (options is not null || type.IsEnum) return UIHints.Dropdown;
        if (type == typeof(bool)) return UIHints.Checkbox;
        if (type == typeof(DateTimeOffset)) return UIHints.DateTimePicker;
        if (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)) return UIHints.MultiText;
        return UIHints.SingleLine;
    }

    private static string Humanize(string name)
    {
        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])) chars.Add(' ');
            chars.Add(name[i]);
        }
        return new string([.. chars]);
    }
}
