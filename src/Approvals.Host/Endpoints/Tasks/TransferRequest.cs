namespace Approvals.Host.Endpoints.Tasks;

/// <summary>The body of a reassignment or a delegation: to whom, and why.</summary>
public sealed record TransferRequest(string? ToUserId, string? Comment)
{
    public static IResult MissingRecipient() =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["toUserId"] = ["is required"] });
}
