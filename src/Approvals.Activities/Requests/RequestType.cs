using Approvals.Activities.Forms;

namespace Approvals.Activities.Requests;

/// <summary>
/// A kind of request and its form, declared in its workflow definition's <c>customProperties.requestType</c>,
/// so administrators edit both together and the form is versioned with the workflow.
/// </summary>
public sealed record RequestType(string Code, string Name, string NameEn, string NumberPrefix, string? TitleField, FormSchema Form)
{
    public string DefinitionId { get; init; } = "";
    public int DefinitionVersion { get; init; }
}
