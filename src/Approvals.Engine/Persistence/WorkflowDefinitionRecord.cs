namespace Approvals.Engine.Persistence;

/// <summary>One version of a workflow definition. Published versions are never changed; edits make a new version.</summary>
public sealed class WorkflowDefinitionRecord
{
    /// <summary>The version id (Elsa's <c>id</c>).</summary>
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required int Version { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public bool IsLatest { get; set; }
    public bool IsPublished { get; set; }

    /// <summary>Set once a version has been published; such a version's <see cref="Data"/> never changes again.</summary>
    public bool WasPublished { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The Elsa 3 definition JSON as saved, unknown properties included.</summary>
    public required string Data { get; set; }
}
