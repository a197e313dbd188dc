using Approvals.Engine.Activities.Http;
using Approvals.Engine.Runtime;
using Microsoft.AspNetCore.Routing.Template;

namespace Approvals.Host.Endpoints.HttpWorkflows;

/// <summary>
/// Finds the published workflow whose <c>Elsa.HttpEndpoint</c> trigger answers a path (route templates such as <c>/orders/{id}</c>).
/// </summary>
public sealed class HttpEndpointRoutes(WorkflowTriggers triggers)
{
    /// <summary>A trigger that matched the path, with its route values and whether it takes the method.</summary>
    public sealed record Match(WorkflowTriggers.Starter Starter, RouteValueDictionary Values, bool MethodAllowed,
        bool Authorize, string? Policy);

    public async Task<IReadOnlyList<Match>> FindAsync(string path, string method, CancellationToken cancellationToken)
    {
        var matches = new List<Match>();
        foreach (var starter in await triggers.ListAsync(HttpEndpoint.TypeName, cancellationToken))
        {
            var route = WorkflowTriggers.LiteralOf(starter.Node, "path");
            if (string.IsNullOrWhiteSpace(route)) continue;
            var values = new RouteValueDictionary();
            var matcher = new TemplateMatcher(TemplateParser.Parse(route.Trim().TrimStart('/')), new RouteValueDictionary());
            if (!matcher.TryMatch("/" + path.Trim('/'), values)) continue;
            var methods = Methods(WorkflowTriggers.LiteralOf(starter.Node, "supportedMethods"));
            var authorize = bool.TryParse(WorkflowTriggers.LiteralOf(starter.Node, "authorize"), out var a) && a;
            matches.Add(new Match(starter, values, methods.Contains(method, StringComparer.OrdinalIgnoreCase), authorize,
                WorkflowTriggers.LiteralOf(starter.Node, "policy")));
        }
        return matches;
    }

    /// <summary>The methods of the endpoint (a JSON list, or one name); GET when none is set.</summary>
    private static string[] Methods(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? ["GET"] : Engine.Expressions.ValueConverter.Convert<string[]>(raw.Trim()) ?? ["GET"];
}
