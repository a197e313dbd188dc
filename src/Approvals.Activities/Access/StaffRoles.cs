namespace Approvals.Activities.Access;

/// <summary>The Foreign Affairs Office's own roles: their holders see every request, whichever unit filed it.</summary>
public static class StaffRoles
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "sister-city-division", "outbound-division", "protocol-division", "fao-director", "city-leadership",
        "review-board", "fao-liaison", "admin",
    };

    public static bool Includes(Contracts.DirectoryUser user) => user.Roles.Any(All.Contains);
}
