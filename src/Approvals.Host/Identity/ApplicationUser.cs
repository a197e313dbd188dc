using Microsoft.AspNetCore.Identity;

namespace Approvals.Host.Identity;

/// <summary>A person who signs in: their display name, unit and language.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string? UnitId { get; set; }

    /// <summary>zh-CN or en: the language of the UI and of the mail they receive.</summary>
    public string Language { get; set; } = "zh-CN";
}
