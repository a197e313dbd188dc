using System.Text.Json.Nodes;
using Approvals.Engine.Execution;
using Approvals.Engine.Models;
using Approvals.Engine.Persistence;
using Approvals.Engine.Serialization;
using Approvals.Engine.Validation;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Engine.Definitions;

/// <summary>
/// Definition versions: save a draft, publish, look up by version options. A published version is never
/// changed: saving after publishing makes a new draft version. Only one version is published at a time.
/// </summary>
public sealed class WorkflowDefinitionStore(WorkflowDbContextFactory dbFactory, WorkflowValidator validator,
    WorkflowCompiler compiler, TimeProvider clock)
{
    // Every submission asks for the published versions; they change only when someone publishes. Kept for two seconds
    // (another host's publication shows within that), and dropped at once when this host changes a definition.
    private const long PublishedLifetimeMs = 2_000;
    private volatile PublishedVersions? _published;

    private sealed record PublishedVersions(IReadOnlyList<WorkflowDefinitionRecord> Records, long Until);

    /// <summary>Reads, validates and saves a definition (Elsa 3, or Elsa 2 converted); invalid text saves nothing.</summary>
    public async Task<WorkflowDefinitionRecord> ImportAsync(string text, bool publish, CancellationToken cancellationToken = default)
    {
        var read = DefinitionReader.Read(text);
        if (read.Document is null) throw new InvalidDefinitionException(read.Problems);
        return await SaveAsync(read.Document, publish, cancellationToken);
    }

    /// <summary>
    /// Saves the document as the definition's latest version: the current draft is replaced, or, when the
    /// latest version is published, a new draft version is made. With <paramref name="publish"/>, it is
    /// validated and published in the same transaction.
    /// </summary>
    public async Task<WorkflowDefinitionRecord> SaveAsync(WorkflowDefinitionDocument document, bool publish,
        CancellationToken cancellationToken = default)
    {
        document = document.Clone();
        // Other definitions are read only for a document that uses one as an activity (the designer saves often).
        var references = validator.UsesUnknownTypes(document) ? await ReferencesAsync(cancellationToken) : WorkflowReferences.None;
        var problems = validator.Validate(document, references).Where(p => !p.IsWarning).ToList();
        if (publish && problems.Count > 0) throw new InvalidDefinitionException(problems);
        // Structural problems make a draft unusable even for the designer.
        if (problems.FirstOrDefault(p => p.Code is "root-missing" or "json-syntax") is not null)
            throw new InvalidDefinitionException(problems);

        var definitionId = document.DefinitionId;
        if (string.IsNullOrWhiteSpace(definitionId)) definitionId = document.DefinitionId = NewId();
        var now = clock.GetUtcNow();

        await using var db = dbFactory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var versions = await db.Definitions.Where(d => d.DefinitionId == definitionId).ToListAsync(cancellationToken);
        var latest = versions.OrderByDescending(v => v.Version).FirstOrDefault();

        // A draft save that changes nothing of the published latest version (the designer saves once more right after
        // publishing) makes no new version: the published one is the answer.
        if (!publish && latest is { IsPublished: true } && SameFlow(ToDocument(latest), document)) return latest;

        WorkflowDefinitionRecord record;
        if (latest is { WasPublished: false })
        {
            record = latest;
            document.Id = record.Id;
            document.Version = record.Version;
        }
        else
        {
            record = new WorkflowDefinitionRecord
            {
                Id = NewId(),
                DefinitionId = definitionId,
                Version = (latest?.Version ?? 0) + 1,
                CreatedAt = now,
                Data = "",
            };
            // An imported document keeps its version number when this store has none of it yet.
            if (latest is null && document.Version > 0) record.Version = document.Version;
            document.Id = record.Id;
            document.Version = record.Version;
            foreach (var v in versions) v.IsLatest = false;
            db.Definitions.Add(record);
        }

        record.Name = document.Name;
        record.Description = document.Description;
        record.IsLatest = true;
        if (publish)
        {
            foreach (var v in versions.Where(v => v != record)) v.IsPublished = false;
            record.IsPublished = record.WasPublished = true;
            record.PublishedAt = now;
        }
        document.IsLatest = true;
        document.IsPublished = record.IsPublished;
        if (document.Json["createdAt"] is null) document.Json["createdAt"] = record.CreatedAt.ToString("O");
        record.Data = document.ToJson(indented: false);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        _published = null;
        return record;
    }

    /// <summary>The workflows definitions may use as activities: the published and latest version of each definition here.</summary>
    public async Task<WorkflowReferences> ReferencesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.Create();
        var records = await db.Definitions.AsNoTracking().Where(d => d.IsPublished || d.IsLatest).ToListAsync(cancellationToken);
        var references = new List<WorkflowReference>();
        foreach (var record in records)
        {
            try
            {
                references.Add(WorkflowReference.Of(ToDocument(record)));
            }
            catch (InvalidDefinitionException)
            {
                // A stored version that no longer parses is no reference for anyone.
            }
        }
        return new WorkflowReferences(references);
    }

    /// <summary>The definitions whose latest version uses <paramref name="definitionId"/> as an activity.</summary>
    public async Task<IReadOnlyList<WorkflowDefinitionRecord>> ListConsumersAsync(string definitionId,
        CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.Create();
        var latest = await db.Definitions.AsNoTracking().Where(d => d.IsLatest && d.DefinitionId != definitionId)
            .ToListAsync(cancellationToken);
        // A cheap text test first; only candidates are parsed.
        return latest.Where(d => d.Data.Contains(definitionId, StringComparison.Ordinal) && Uses(ToDocument(d), definitionId)).ToList();

        static bool Uses(WorkflowDefinitionDocument document, string id)
        {
            var problems = new List<DefinitionProblem>();
            return document.Root is { } root && Flowchart.Read(root, "root", problems).Activities
                .Any(a => WorkflowDefinitionDocument.Text(a.GetProperty("workflowDefinitionId")) == id);
        }
    }

    /// <summary>Publishes the latest version of a definition after validating it.</summary>
    public async Task<WorkflowDefinitionRecord> PublishAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var latest = await FindAsync(definitionId, DefinitionVersionOptions.Latest, cancellationToken)
            ?? throw new KeyNotFoundException($"Workflow definition '{definitionId}' does not exist.");
        if (latest.IsPublished) return latest;
        return await SaveAsync(ToDocument(latest), publish: true, cancellationToken);
    }

    /// <summary>Takes the published version off-line: no new instance starts until a version is published again.</summary>
    public async Task<WorkflowDefinitionRecord?> RetractAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.Create();
        var published = await db.Definitions.FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.IsPublished, cancellationToken);
        if (published is null) return null;
        published.IsPublished = false;
        await db.SaveChangesAsync(cancellationToken);
        _published = null;
        return published;
    }

    /// <summary>
    /// Deletes a definition with all its versions, or one version (<paramref name="versionId"/>). A version that instances
    /// ran on is never deleted (their history points at it): that is a <see cref="DefinitionInUseException"/>.
    /// Returns how many versions went; 0 when there was nothing to delete.
    /// </summary>
    public async Task<int> DeleteAsync(string definitionId, string? versionId = null, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.Create();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var versions = await db.Definitions.Where(d => d.DefinitionId == definitionId && (versionId == null || d.Id == versionId))
            .ToListAsync(cancellationToken);
        if (versions.Count == 0) return 0;
        var ids = versions.Select(v => v.Id).ToList();
        var used = await db.Instances.Where(i => ids.Contains(i.DefinitionVersionId)).Select(i => i.DefinitionVersionId).Distinct()
            .ToListAsync(cancellationToken);
        if (used.Count > 0)
        {
            var numbers = versions.Where(v => used.Contains(v.Id)).Select(v => v.Version).Order();
            throw new DefinitionInUseException(
                $"Workflow definition '{definitionId}' cannot be deleted: instances ran on version {string.Join(", ", numbers)}. Retract " +
                "it instead.");
        }
        db.Definitions.RemoveRange(versions);
        // Deleting the latest version makes the one before it the latest.
        if (versionId is not null && versions[0].IsLatest
            && await db.Definitions.Where(d => d.DefinitionId == definitionId && d.Id != versionId).OrderByDescending(d => d.Version)
                .FirstOrDefaultAsync(cancellationToken) is { } previous)
            previous.IsLatest = true;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        _published = null;
        return versions.Count;
    }

    public async Task<WorkflowDefinitionRecord?> FindAsync(string definitionId, DefinitionVersionOptions options,
        CancellationToken cancellationToken = default)
    {
        if (options == DefinitionVersionOptions.Published)
            return (await ListPublishedAsync(cancellationToken)).FirstOrDefault(d => d.DefinitionId == definitionId);
        await using var db = dbFactory.Create();
        var query = db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId);
        return options switch
        {
            DefinitionVersionOptions.Published => await query.FirstOrDefaultAsync(d => d.IsPublished, cancellationToken),
            DefinitionVersionOptions.LatestOrPublished => await query.Where(d => d.IsPublished || d.IsLatest).OrderByDescending(d =>
                d.IsPublished).FirstOrDefaultAsync(cancellationToken),
            DefinitionVersionOptions.Draft => await query.FirstOrDefaultAsync(d => d.IsLatest && !d.WasPublished, cancellationToken),
            _ => await query.FirstOrDefaultAsync(d => d.IsLatest, cancellationToken),
        };
    }

    public async Task<WorkflowDefinitionRecord?> FindVersionAsync(string definitionId, int version,
        CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.Create();
        return await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version,
            cancellationToken);
    }

    public async Task<WorkflowDefinitionRecord?> FindByVersionIdAsync(string versionId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.Create();
        return await db.Definitions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == versionId, cancellationToken);
    }

    /// <summary>The published version of every definition.</summary>
    public async Task<IReadOnlyList<WorkflowDefinitionRecord>> ListPublishedAsync(CancellationToken cancellationToken = default)
    {
        if (_published is { } kept && Environment.TickCount64 < kept.Until) return kept.Records;
        await using var db = dbFactory.Create();
        var records = await db.Definitions.AsNoTracking().Where(d => d.IsPublished).OrderBy(d => d.Name).ToListAsync(cancellationToken);
        _published = new PublishedVersions(records, Environment.TickCount64 + PublishedLifetimeMs);
        return records;
    }

    public async Task<IReadOnlyList<WorkflowDefinitionRecord>> ListVersionsAsync(string definitionId,
        CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.Create();
        return await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId).OrderBy(d => d.Version)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The document of a version, with its id, version and flags as the store knows them.</summary>
    public static WorkflowDefinitionDocument ToDocument(WorkflowDefinitionRecord record)
    {
        var problems = new List<DefinitionProblem>();
        var json = DefinitionJson.Parse(record.Data, problems) ?? throw new InvalidDefinitionException(problems);
        var document = new WorkflowDefinitionDocument(json)
        {
            Id = record.Id,
            DefinitionId = record.DefinitionId,
            Version = record.Version,
            IsLatest = record.IsLatest,
            IsPublished = record.IsPublished,
        };
        return document;
    }

    /// <summary>The compiled form of a version; published (and once-published) versions are compiled once.</summary>
    public CompiledWorkflow Compile(WorkflowDefinitionRecord record) =>
        compiler.TryGetPublished(record.Id) ?? compiler.Compile(record.Id, ToDocument(record), record.WasPublished);

    private static string NewId() => Guid.CreateVersion7().ToString("N")[..16];

    /// <summary>Whether two documents describe the same flow: root, variables, inputs, outputs, name and description.</summary>
    private static bool SameFlow(WorkflowDefinitionDocument stored, WorkflowDefinitionDocument incoming)
    {
        foreach (var key in new[] { "root", "variables", "inputs", "outputs", "name", "description", "customProperties" })
            if (!JsonNode.DeepEquals(Normal(stored.Json[key]), Normal(incoming.Json[key]))) return false;
        return true;

        // Empty collections and missing properties mean the same; so do the studio's null properties.
        static JsonNode? Normal(JsonNode? node) => node switch
        {
            JsonObject o => new JsonObject(o.Where(p => Normal(p.Value) is not null)
                .Select(p => KeyValuePair.Create(p.Key, Normal(p.Value)))) is { Count: > 0 } n ? n : null,
            JsonArray a => a.Count == 0 ? null : new JsonArray(a.Select(Normal).ToArray()),
            JsonValue v => v.DeepClone(),
            _ => null,
        };
    }
}
