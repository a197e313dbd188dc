namespace Approvals.Engine.Expressions;

/// <summary>The CLR type of an Elsa type name as definitions write it (<c>Int32</c>, <c>System.Boolean</c>, <c>String[]</c>).</summary>
public static class ElsaTypes
{
    public static Type ClrTypeOf(string? typeName)
    {
        var name = typeName?.Split(',')[0].Trim() ?? "";
        if (name.StartsWith("System.", StringComparison.Ordinal)) name = name["System.".Length..];
        return name switch
        {
            "String" => typeof(string),
            "Int32" => typeof(int),
            "Int64" => typeof(long),
            "Double" => typeof(double),
            "Single" => typeof(float),
            "Decimal" => typeof(decimal),
            "Boolean" => typeof(bool),
            "DateTime" or "DateTimeOffset" => typeof(DateTimeOffset),
            "TimeSpan" => typeof(TimeSpan),
            "String[]" => typeof(string[]),
            _ => typeof(object),
        };
    }
}
