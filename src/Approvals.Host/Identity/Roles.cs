namespace Approvals.Host.Identity;

/// <summary>The role codes of DOMAIN.md.</summary>
public static class Roles
{
    public const string Applicant = "applicant";
    public const string UnitHead = "unit-head";
    public const string SisterCityDivision = "sister-city-division";
    public const string OutboundDivision = "outbound-division";
    public const string ProtocolDivision = "protocol-division";
    public const string FaoDirector = "fao-director";
    public const string CityLeadership = "city-leadership";
    public const string ReviewBoard = "review-board";
    public const string FaoLiaison = "fao-liaison";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All =
        [Applicant, UnitHead, SisterCityDivision, OutboundDivision, ProtocolDivision, FaoDirector, CityLeadership,
            ReviewBoard, FaoLiaison, Admin];

    /// <summary>FAO staff see every request; applicants and unit heads only their own unit's.</summary>
    public static IReadOnlySet<string> FaoStaff => Activities.Access.StaffRoles.All;
}
