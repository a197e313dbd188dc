namespace Approvals.Activities.DocumentNumbers;

/// <summary>A document number given to a request; (prefix, year, number) is unique.</summary>
public sealed class DocumentNumberAssignment
{
    public required string Prefix { get; set; }
    public int Year { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
    public required string RequestId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}
