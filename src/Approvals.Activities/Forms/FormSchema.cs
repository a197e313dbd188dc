namespace Approvals.Activities.Forms;

/// <summary>The fields of a request type's form.</summary>
public sealed record FormSchema(IReadOnlyList<FormField> Fields);
