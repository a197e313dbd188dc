namespace Approvals.Activities.Units;

/// <summary>A filing unit: a district FAO, a city bureau, a hosting unit.</summary>
public sealed class Unit
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    public string Kind { get; set; } = "district";
}
