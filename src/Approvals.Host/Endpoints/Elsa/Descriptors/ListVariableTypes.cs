namespace Approvals.Host.Endpoints.Elsa.Descriptors;

/// <summary><c>GET /elsa/api/descriptors/variables</c>: the types a workflow variable can have.</summary>
internal static class ListVariableTypes
{
    public static void Map(RouteGroupBuilder elsa) => elsa.MapGet("/descriptors/variables", Handle);

    private static IResult Handle()
    {
        var items = new[] { "String", "Boolean", "Int32", "Int64", "Double", "Decimal", "DateTimeOffset",
            "TimeSpan", "Object", "String[]" }
            .Select(t => new { typeName = t, displayName = t, category = "Primitives", description = (string?)null }).ToList();
        return Results.Ok(new { items, count = items.Count });
    }
}
