using System.Text.Json.Nodes;

namespace Approvals.Engine.Models;

/// <summary>
/// An activity waiting to run: scheduled by a token on <see cref="ConnectionIndex"/>, or (after a fault
/// while resuming) the resumption of <see cref="BookmarkId"/> with <see cref="ResumeInput"/>.
/// </summary>
public sealed record WorkItem(string ActivityId, int? ConnectionIndex = null, string? BookmarkId = null, JsonObject? ResumeInput = null);
