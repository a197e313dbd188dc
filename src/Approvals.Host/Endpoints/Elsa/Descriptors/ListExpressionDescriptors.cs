namespace Approvals.Host.Endpoints.Elsa.Descriptors;

/// <summary><c>GET /elsa/api/descriptors/expression-descriptors</c>: the expression languages an input can be written in.</summary>
internal static class ListExpressionDescriptors
{
    public static void Map(RouteGroupBuilder elsa) => elsa.MapGet("/descriptors/expression-descriptors", Handle);

    private static IResult Handle()
    {
        var items = new[]
        {
            Expression("Literal", "Literal", null, true),
            Expression("Object", "Object", "json", true),
            Expression("Variable", "Variable", null, false),
            Expression("JavaScript", "JavaScript", "javascript", true),
            Expression("Liquid", "Liquid", "liquid", true),
        };
        return Results.Ok(new { items, count = items.Length });
    }

    private static object Expression(string type, string displayName, string? language, bool browsable) => new
    {
        type,
        displayName,
        isSerializable = true,
        isBrowsable = browsable,
        properties = language is null ? new Dictionary<string, object>() : new Dictionary<string, object> { ["MonacoLanguage"] = language },
    };
}
