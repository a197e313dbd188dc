namespace Approvals.Activities.DocumentNumbers;

/// <summary>The last number given out for a key (a document-number prefix, or a request type) in a year.</summary>
public sealed class NumberSequence
{
    public required string Key { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}
