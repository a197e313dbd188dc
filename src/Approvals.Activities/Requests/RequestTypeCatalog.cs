using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approvals.Activities.Forms;
using Approvals.Engine.Definitions;
using Approvals.Engine.Persistence;

namespace Approvals.Activities.Requests;

/// <summary>The request types of the published workflow definitions.</summary>
public sealed class RequestTypeCatalog(WorkflowDefinitionStore definitions)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, RequestType?> _byVersion = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<RequestType>> ListAsync(CancellationToken cancellationToken = default)
    {
        var published = await definitions.ListPublishedAsync(cancellationToken);
        return published.Select(Of).OfType<RequestType>().OrderBy(t => t.Code).ToList();
    }

    public async Task<RequestType?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(t => t.Code == code);

    /// <summary>
    /// The other published workflow that already serves request type <paramref name="code"/>, if any: one code, one
    /// workflow (a duplicated definition must get its own code before it is published).
    /// </summary>
    public async Task<string?> OwnerOtherThanAsync(string code, string definitionId, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(t => t.Code == code && t.DefinitionId != definitionId)?.DefinitionId;

    /// <summary>The request type code a definition document declares, if any.</summary>
    public static string? DeclaredCode(JsonObject document) =>
        document["customProperties"]?["requestType"] is JsonObject declared ? declared["code"]?.GetValue<string>()
            ?? document["definitionId"]?.GetValue<string>() : null;

    /// <summary>The request type declared by a definition version, or null when it declares none.</summary>
    public RequestType? Of(WorkflowDefinitionRecord record) => _byVersion.GetOrAdd(record.Id, _ =>
    {
        var document = WorkflowDefinitionStore.ToDocument(record);
        if (document.Json["customProperties"]?["requestType"] is not JsonObject declared) return null;
        var form = declared["form"]?["fields"]?.Deserialize<List<FormField>>(Json) ?? [];
        return new RequestType(
            declared["code"]?.GetValue<string>() ?? record.DefinitionId,
            declared["name"]?.GetValue<string>() ?? record.Name ?? record.DefinitionId,
            declared["nameEn"]?.GetValue<string>() ?? record.Name ?? record.DefinitionId,
            declared["numberPrefix"]?.GetValue<string>() ?? "REQ",
            declared["titleField"]?.GetValue<string>(),
            new FormSchema(form))
        {
            DefinitionId = record.DefinitionId,
            DefinitionVersion = record.Version,
        };
    });
}
