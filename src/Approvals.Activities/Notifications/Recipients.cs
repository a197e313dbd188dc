using System.Text.Json.Nodes;
using Approvals.Activities.Contracts;
using Approvals.Activities.Requests;

namespace Approvals.Activities.Notifications;

/// <summary>
/// Resolves recipient specs into people: <c>applicant</c>, <c>user:ID</c>, <c>role:CODE</c>, <c>unit-role:CODE</c>
/// (that role in the applicant's unit), or a plain email address (an acting unit outside the system).
/// </summary>
public static class Recipients
{
    public static async Task<JsonArray> ResolveAsync(IEnumerable<string> specs, IUserDirectory directory, RequestContext request,
        CancellationToken cancellationToken)
    {
        var people = new List<(string? Id, string Email, string Name, string Language)>();
        foreach (var raw in specs.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()))
        {
            if (raw == "applicant")
            {
                if (request.ApplicantId is { } a && await directory.FindAsync(a, cancellationToken) is { } applicant)
                    people.Add(Of(applicant));
            }
            else if (raw.StartsWith("user:", StringComparison.Ordinal))
            {
                if (await directory.FindAsync(raw[5..], cancellationToken) is { } user) people.Add(Of(user));
            }
            else if (raw.StartsWith("role:", StringComparison.Ordinal))
                people.AddRange((await directory.UsersInRoleAsync(raw[5..], null, cancellationToken)).Select(Of));
            else if (raw.StartsWith("unit-role:", StringComparison.Ordinal))
                people.AddRange((await directory.UsersInRoleAsync(raw[10..], request.UnitId, cancellationToken)).Select(Of));
            else if (raw.Contains('@'))
                people.Add((null, raw.StartsWith("mailto:", StringComparison.Ordinal) ? raw[7..] : raw, raw, "zh-CN"));
            else if (await directory.FindAsync(raw, cancellationToken) is { } byId)
                people.Add(Of(byId));
        }
        var array = new JsonArray();
        foreach (var p in people.DistinctBy(p => p.Email, StringComparer.OrdinalIgnoreCase))
            array.Add(new JsonObject { ["userId"] = p.Id, ["email"] = p.Email, ["name"] = p.Name, ["language"] = p.Language });
        return array;
    }

    private static (string? Id, string Email, string Name, string Language) Of(DirectoryUser u) =>
        (u.Id, u.Email, u.DisplayName, u.Language);
}
