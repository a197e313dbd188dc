using System.Text.Json.Nodes;
using Approvals.Activities.Audit;
using Approvals.Activities.Calendar;
using Approvals.Activities.Persistence;
using Approvals.Activities.Proxies;
using Approvals.Activities.Quotas;
using Approvals.Activities.Units;
using Approvals.Host.Administration;
using Approvals.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Endpoints;

/// <summary>Administrators manage users, roles, units, quotas and the calendar; everyone manages their own proxies.</summary>
internal static class ManagementApi
{
    public sealed record UserBody(string? UserName, string? DisplayName, string? Email, string? UnitId, IReadOnlyList<string>? Roles, string? Language, string? Password, bool? Locked);
    public sealed record UnitBody(string? Id, string? Name, string? NameEn, string? Kind);
    public sealed record QuotaBody(int Trips, int Persons);
    public sealed record CalendarDayBody(DateOnly Date, CalendarDayKind Kind, string? Name);
    public sealed record ProxyBody(string? PrincipalId, string? SubstituteId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string>? DefinitionIds);

    public static void MapManagementApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(HostingExtensions.AdminPolicy);
        admin.MapGet("/roles", () => Results.Ok(Roles.All));
        admin.MapGet("/users", async (UserAccounts accounts) => Results.Ok(await accounts.ListAsync()));
        admin.MapPost("/users", async (UserBody body, UserAccounts accounts, HttpContext http) =>
        {
            var result = await accounts.CreateAsync(Change(body), http.User.UserId());
            return result.Account is { } account ? Results.Created($"/api/admin/users/{account.Id}", account) : Results.ValidationProblem(result.Errors);
        });
        admin.MapPut("/users/{id}", async (string id, UserBody body, UserAccounts accounts, HttpContext http) =>
        {
            var result = await accounts.UpdateAsync(id, Change(body), http.User.UserId());
            if (result.NotFound) return Results.Problem(statusCode: 404, title: "Not found.", detail: $"User '{id}' does not exist.");
            return result.Account is { } account ? Results.Ok(account) : Results.ValidationProblem(result.Errors);
        });
        // The latest thousand, newest first.
        admin.MapGet("/proxies", async (ProxyService proxies, CancellationToken cancellationToken) =>
            Results.Ok(await proxies.ListRecentAsync(1000, cancellationToken)));
        admin.MapGet("/units", async (OfficeUnits units) => Results.Ok(await units.ListAsync()));
        admin.MapPut("/units/{id}", async (string id, UnitBody body, OfficeUnits units, HttpContext http) =>
            Results.Ok(await units.SaveAsync(id, body.Name, body.NameEn, body.Kind, http.User.UserId())));
        admin.MapGet("/quotas", async (int? year, QuotaPlans plans, TimeProvider clock) => Results.Ok(await plans.StandingsAsync(year ?? clock.GetUtcNow().Year)));
        admin.MapPut("/quotas/{unitId}/{year:int}", async (string unitId, int year, QuotaBody body, QuotaPlans plans, HttpContext http) =>
            await plans.SetAsync(unitId, year, body.Trips, body.Persons, http.User.UserId()) is { } quota
                ? Results.Ok(quota)
                : Results.Problem(statusCode: 404, title: "Not found.", detail: $"Unit '{unitId}' does not exist."));
        admin.MapGet("/calendar/{year:int}", async (int year, HolidayCalendar calendar) => Results.Ok(await calendar.YearAsync(year)));
        admin.MapPut("/calendar/{year:int}", async (int year, IReadOnlyList<CalendarDayBody> days, HolidayCalendar calendar, HttpContext http) =>
        {
            var errors = await calendar.SetYearAsync(year, days.Select(d => new HolidayCalendar.Day(d.Date, d.Kind, d.Name)).ToList(), http.User.UserId());
            return errors.Count > 0 ? Results.ValidationProblem(errors) : Results.Ok(new { year, days = days.Count });
        });

        var proxies = api.MapGroup("/proxies").WithTags("Proxies");
        proxies.MapGet("/", async (HttpContext http, ProxyService service) => Results.Ok(await service.ListForAsync(http.User.UserId())));
        proxies.MapPost("/", async (ProxyBody body, HttpContext http, ProxyService service, Approvals.Activities.Contracts.IUserDirectory directory) =>
        {
            var me = http.User.UserId();
            var principal = body.PrincipalId ?? me;
            if (principal != me && !http.User.IsInRole(Roles.Admin))
                return Results.Problem(statusCode: 403, title: "Not allowed.", detail: "You may name a proxy only for yourself.");
            if (string.IsNullOrWhiteSpace(body.SubstituteId) || await directory.FindAsync(body.SubstituteId) is null)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["substituteId"] = ["must name an existing user"] });
            var proxy = await service.SetAsync(principal, body.SubstituteId, body.From, body.To, body.DefinitionIds, me);
            return Results.Created($"/api/proxies/{proxy.Id}", proxy);
        });
    }

    private static UserAccounts.AccountChange Change(UserBody body) =>
        new(body.UserName, body.DisplayName, body.Email, body.UnitId, body.Roles, body.Language, body.Password, body.Locked);

    private static Task AuditedSaveAsync(ApprovalsDbContext db, HttpContext http, TimeProvider clock, string action, JsonObject data) =>
        AdministrativeChange.SaveAsync(db, http.User.UserId(), action, data, clock.GetUtcNow(), http.RequestAborted);
}
