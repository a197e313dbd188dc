using System.Text.Json.Nodes;
using Approvals.Activities.Audit;
using Approvals.Activities.Calendar;
using Approvals.Activities.Persistence;
using Approvals.Activities.Proxies;
using Approvals.Activities.Quotas;
using Approvals.Activities.Units;
using Approvals.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host.Endpoints;

/// <summary>Administrators manage users, roles, units, quotas and the calendar; everyone manages their own proxies.</summary>
internal static class ManagementApi
{
    public sealed record UserBody(string? UserName, string? DisplayName, string? Email, string? UnitId, IReadOnlyList<string>? Roles, string? Language, string? Password, bool? Locked);
    public sealed record UserView(string Id, string UserName, string DisplayName, string? Email, string? UnitId, IReadOnlyList<string> Roles, string Language, bool LockedOut);
    public sealed record UnitBody(string? Id, string? Name, string? NameEn, string? Kind);
    public sealed record QuotaBody(int Trips, int Persons);
    public sealed record CalendarDayBody(DateOnly Date, CalendarDayKind Kind, string? Name);
    public sealed record ProxyBody(string? PrincipalId, string? SubstituteId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string>? DefinitionIds);

    public static void MapManagementApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(HostingExtensions.AdminPolicy);
        admin.MapGet("/roles", () => Results.Ok(Roles.All));
        admin.MapGet("/users", async (UserManager<ApplicationUser> users) =>
        {
            var all = await users.Users.OrderBy(u => u.UserName).ToListAsync();
            var views = new List<UserView>();
            foreach (var u in all) views.Add(await ViewAsync(users, u));
            return Results.Ok(views);
        });
        admin.MapPost("/users", CreateUserAsync);
        admin.MapPut("/users/{id}", UpdateUserAsync);
        admin.MapGet("/proxies", async (ApprovalsDbContextFactory factory) =>
        {
            await using var db = factory.Create();
            return Results.Ok(await db.Proxies.AsNoTracking().OrderByDescending(p => p.From).ToListAsync());
        });
        admin.MapGet("/units", async (ApprovalsDbContextFactory factory) =>
        {
            await using var db = factory.Create();
            return Results.Ok(await db.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync());
        });
        admin.MapPut("/units/{id}", async (string id, UnitBody body, ApprovalsDbContextFactory factory, HttpContext http, TimeProvider clock) =>
        {
            if (string.IsNullOrWhiteSpace(body.Name)) return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["is required"] });
            await using var db = factory.Create();
            var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id);
            if (unit is null) db.Units.Add(unit = new Unit { Id = id, Name = body.Name, NameEn = body.NameEn ?? body.Name });
            unit.Name = body.Name;
            unit.NameEn = body.NameEn ?? unit.NameEn;
            unit.Kind = body.Kind ?? unit.Kind;
            await AuditedSaveAsync(db, http, clock, "UnitSaved", new JsonObject { ["unit"] = id, ["name"] = body.Name });
            return Results.Ok(unit);
        });
        admin.MapGet("/quotas", async (int? year, ApprovalsDbContextFactory factory, QuotaLedger ledger, TimeProvider clock) =>
        {
            var y = year ?? clock.GetUtcNow().Year;
            await using var db = factory.Create();
            var units = await db.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync();
            var standings = new List<QuotaStanding>();
            foreach (var unit in units) standings.Add(await ledger.StandingAsync(unit.Id, y));
            return Results.Ok(standings);
        });
        admin.MapPut("/quotas/{unitId}/{year:int}", async (string unitId, int year, QuotaBody body, ApprovalsDbContextFactory factory, HttpContext http, TimeProvider clock) =>
        {
            if (body.Trips < 0 || body.Persons < 0)
                return Results.ValidationProblem(new Dictionary<string, string[]> { [body.Trips < 0 ? "trips" : "persons"] = ["must not be negative"] });
            await using var db = factory.Create();
            if (!await db.Units.AnyAsync(u => u.Id == unitId)) return Results.Problem(statusCode: 404, title: "Not found.", detail: $"Unit '{unitId}' does not exist.");
            var quota = await db.UnitQuotas.FirstOrDefaultAsync(q => q.UnitId == unitId && q.Year == year);
            if (quota is null) db.UnitQuotas.Add(quota = new UnitQuota { UnitId = unitId, Year = year });
            quota.Trips = body.Trips;
            quota.Persons = body.Persons;
            await AuditedSaveAsync(db, http, clock, "QuotaSet", new JsonObject { ["unit"] = unitId, ["year"] = year, ["trips"] = body.Trips, ["persons"] = body.Persons });
            return Results.Ok(quota);
        });
        admin.MapGet("/calendar/{year:int}", async (int year, ApprovalsDbContextFactory factory) =>
        {
            await using var db = factory.Create();
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            return Results.Ok(await db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date).ToListAsync());
        });
        admin.MapPut("/calendar/{year:int}", async (int year, IReadOnlyList<CalendarDayBody> days, ApprovalsDbContextFactory factory, WorkingCalendar calendar, HttpContext http, TimeProvider clock) =>
        {
            var outside = days.Select((d, i) => (d, i)).Where(x => x.d.Date.Year != year).ToList();
            if (outside.Count > 0)
                return Results.ValidationProblem(outside.ToDictionary(x => $"[{x.i}].date", x => new[] { $"{x.d.Date:yyyy-MM-dd} is not in {year}" }));
            await using var db = factory.Create();
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            db.CalendarDays.RemoveRange(await db.CalendarDays.Where(d => d.Date >= first && d.Date <= last).ToListAsync());
            db.CalendarDays.AddRange(days.DistinctBy(d => d.Date).Select(d => new CalendarDay { Date = d.Date, Kind = d.Kind, Name = d.Name }));
            await AuditedSaveAsync(db, http, clock, "CalendarSet", new JsonObject { ["year"] = year, ["days"] = days.Count });
            calendar.Invalidate();
            return Results.Ok(new { year, days = days.Count });
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

    private static async Task<IResult> CreateUserAsync(UserBody body, UserManager<ApplicationUser> users, ApprovalsDbContextFactory factory, HttpContext http, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.UserName)) errors["userName"] = ["is required"];
        if (string.IsNullOrWhiteSpace(body.Email)) errors["email"] = ["is required"];
        if (string.IsNullOrWhiteSpace(body.Password)) errors["password"] = ["is required"];
        foreach (var role in body.Roles ?? []) if (!Roles.All.Contains(role)) errors["roles"] = [$"'{role}' is not a role"];
        if (errors.Count > 0) return Results.ValidationProblem(errors);
        var user = new ApplicationUser
        {
            UserName = body.UserName, Email = body.Email, EmailConfirmed = true, DisplayName = body.DisplayName ?? body.UserName!, UnitId = body.UnitId, Language = body.Language ?? "zh-CN",
        };
        var created = await users.CreateAsync(user, body.Password!);
        if (!created.Succeeded) return Results.ValidationProblem(created.Errors.GroupBy(e => FieldOf(e.Code)).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        await users.AddToRolesAsync(user, body.Roles ?? []);
        await using (var db = factory.Create()) await AuditedSaveAsync(db, http, clock, "UserCreated", new JsonObject { ["user"] = user.UserName, ["roles"] = string.Join(",", body.Roles ?? []) });
        return Results.Created($"/api/admin/users/{user.Id}", await ViewAsync(users, user));
    }

    private static async Task<IResult> UpdateUserAsync(string id, UserBody body, UserManager<ApplicationUser> users, ApprovalsDbContextFactory factory, HttpContext http, TimeProvider clock)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return Results.Problem(statusCode: 404, title: "Not found.", detail: $"User '{id}' does not exist.");
        foreach (var role in body.Roles ?? []) if (!Roles.All.Contains(role)) return Results.ValidationProblem(new Dictionary<string, string[]> { ["roles"] = [$"'{role}' is not a role"] });
        if (body.DisplayName is not null) user.DisplayName = body.DisplayName;
        if (body.Email is not null) user.Email = body.Email;
        if (body.UnitId is not null) user.UnitId = body.UnitId.Length == 0 ? null : body.UnitId;
        if (body.Language is not null) user.Language = body.Language;
        await users.UpdateAsync(user);
        if (body.Roles is not null)
        {
            var current = await users.GetRolesAsync(user);
            await users.RemoveFromRolesAsync(user, current.Except(body.Roles));
            await users.AddToRolesAsync(user, body.Roles.Except(current));
        }
        if (body.Locked is { } locked) await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (body.Password is { Length: > 0 } password)
        {
            await users.RemovePasswordAsync(user);
            var set = await users.AddPasswordAsync(user, password);
            if (!set.Succeeded) return Results.ValidationProblem(new Dictionary<string, string[]> { ["password"] = set.Errors.Select(e => e.Description).ToArray() });
        }
        await using (var db = factory.Create()) await AuditedSaveAsync(db, http, clock, "UserUpdated", new JsonObject { ["user"] = user.UserName });
        return Results.Ok(await ViewAsync(users, user));
    }

    private static string FieldOf(string code) => code.Contains("Password", StringComparison.Ordinal) ? "password"
        : code.Contains("Email", StringComparison.Ordinal) ? "email" : "userName";

    private static async Task<UserView> ViewAsync(UserManager<ApplicationUser> users, ApplicationUser u) =>
        new(u.Id, u.UserName ?? "", u.DisplayName, u.Email, u.UnitId, [.. await users.GetRolesAsync(u)], u.Language, await users.IsLockedOutAsync(u));

    private static async Task AuditedSaveAsync(ApprovalsDbContext db, HttpContext http, TimeProvider clock, string action, JsonObject data)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        await AuditTrail.AppendAsync(db, [new AuditRecord(http.User.UserId(), action) { At = clock.GetUtcNow(), Data = data }], http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted);
        await tx.CommitAsync(http.RequestAborted);
    }
}
