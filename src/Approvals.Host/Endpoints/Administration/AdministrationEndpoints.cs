namespace Approvals.Host.Endpoints.Administration;

/// <summary>
/// Administrators: users and roles, units, travel plans, the working calendar, everyone's proxies, the audit check, the mail
/// outbox and pickup folder, and faulted workflow instances.
/// </summary>
internal static class AdministrationEndpoints
{
    public static void MapAdministrationApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(HostingExtensions.AdminPolicy);
        ListRoles.Map(admin);
        ListUsers.Map(admin);
        CreateUser.Map(admin);
        UpdateUser.Map(admin);
        ListUnits.Map(admin);
        SaveUnit.Map(admin);
        ListQuotas.Map(admin);
        SetQuota.Map(admin);
        GetCalendarYear.Map(admin);
        SetCalendarYear.Map(admin);
        ListAllProxies.Map(admin);
        VerifyAudit.Map(admin);
        ListOutbox.Map(admin);
        ResendOutboxMessage.Map(admin);
        ResendFailedMail.Map(admin);
        ListPickupMail.Map(admin);
        DownloadPickupMail.Map(admin);
        ListIncidents.Map(admin);
        RetryInstance.Map(admin);
    }
}
