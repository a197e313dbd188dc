namespace Approvals.Engine.Execution;

/// <summary>The bookmark to resume does not exist (any more): already resumed, cancelled, or never there.</summary>
public sealed class BookmarkNotFoundException(string bookmarkId)
    : Exception($"Bookmark '{bookmarkId}' was not found: it was already resumed or cancelled.")
{
    public string BookmarkId { get; } = bookmarkId;
}
