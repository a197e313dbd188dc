namespace Approvals.Activities.Forms;

/// <summary>A problem with one field of submitted form data; <see cref="Path"/> is e.g. <c>members[2].name</c>.</summary>
public sealed record FormError(string Path, string Message);

/// <summary>Form data does not satisfy its schema; nothing was saved.</summary>
public sealed class FormValidationException(IReadOnlyList<FormError> errors)
    : Exception("The form has errors: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")))
{
    public IReadOnlyList<FormError> Errors { get; } = errors;
}
