using Approvals.Activities.Persistence;
using Approvals.Activities.Quotas;
using Approvals.Activities.Units;
using Approvals.Host.Identity;
using Approvals.Host.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approvals.Host.Demo;

/// <summary>
/// Seeds the roles always, and the demo units, users and quotas (listed in the README) in Development or when
/// <c>Demo:Enabled</c> is true. Elsewhere it only says how to create the first administrator when there is none.
/// </summary>
internal sealed class DemoSeeder(IServiceScopeFactory scopes, ApprovalsDbContextFactory domain, IOptions<DemoOptions> options,
    IHostEnvironment environment,
    ILogger<DemoSeeder> logger)
{
    public const string Wujiang = "wujiang-fao";
    public const string Education = "education-bureau";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string? Unit, string[] Roles, string Language)> Users =
    [
        ("admin", "系统管理员", null, [Roles.Admin], "zh-CN"),
        ("applicant", "吴江区外办 张敏", Wujiang, [Roles.Applicant], "zh-CN"),
        ("applicant2", "City Education Bureau, Li Na", Education, [Roles.Applicant], "en"),
        ("unit-head", "吴江区外办主任 陈刚", Wujiang, [Roles.UnitHead], "zh-CN"),
        ("unit-head2", "市教育局局长 周华", Education, [Roles.UnitHead], "zh-CN"),
        ("sister-city-division", "友城处 王芳", null, [Roles.SisterCityDivision], "zh-CN"),
        ("outbound-division", "出国处 刘洋", null, [Roles.OutboundDivision], "zh-CN"),
        ("protocol-division", "礼宾处 赵磊", null, [Roles.ProtocolDivision], "zh-CN"),
        ("fao-director", "市外办主任 孙强", null, [Roles.FaoDirector], "zh-CN"),
        ("city-leadership", "分管副市长 吴军", null, [Roles.CityLeadership], "zh-CN"),
        ("board1", "会审小组 市外办", null, [Roles.ReviewBoard], "zh-CN"),
        ("board2", "会审小组 市财政局", null, [Roles.ReviewBoard], "zh-CN"),
        ("board3", "会审小组 市委组织部", null, [Roles.ReviewBoard], "zh-CN"),
        ("board4", "会审小组 市纪委", null, [Roles.ReviewBoard], "zh-CN"),
        ("board5", "会审小组 市外办副主任", null, [Roles.ReviewBoard], "zh-CN"),
        ("fao-liaison", "市外办联络员 何静", null, [Roles.FaoLiaison], "zh-CN"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        if (!(options.Value.Enabled ?? environment.IsDevelopment()))
        {
            var administrators = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>()
                .GetUsersInRoleAsync(Roles.Admin);
            if (administrators.Count == 0)
                logger.LogWarning("There is no administrator yet. Create one with: dotnet Approvals.Host.dll users add-admin <userName> " +
                    "<email>");
            return;
        }
        if (!environment.IsDevelopment())
            logger.LogWarning("Demo users are seeded outside Development (Demo:Enabled): their password is in the README; do not use " +
                "this database for real work.");

        await using (var db = domain.Create())
        {
            if (!await db.Units.AnyAsync(cancellationToken))
            {
                db.Units.AddRange(
                    new Unit { Id = Wujiang, Name = "吴江区外办", NameEn = "Wujiang District FAO", Kind = "district" },
                    new Unit { Id = Education, Name = "市教育局", NameEn = "City Education Bureau", Kind = "bureau" });
                db.UnitQuotas.AddRange(
                    new UnitQuota { UnitId = Wujiang, Year = 2026, Trips = 12, Persons = 40 },
                    new UnitQuota { UnitId = Education, Year = 2026, Trips = 8, Persons = 30 });
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        // Every demo user has the same password: it is checked and hashed once (a hash costs a deliberate tenth of a second),
        // which keeps the first start of a new data folder short.
        string? passwordHash = null;
        foreach (var (userName, displayName, unit, userRoles, language) in Users)
        {
            if (await users.FindByNameAsync(userName) is not null) continue;
            var user = new ApplicationUser
            {
                UserName = userName,
                Email = $"{userName}@approvals.test",
                EmailConfirmed = true,
                DisplayName = displayName,
                UnitId = unit,
                Language = language,
            };
            if (passwordHash is null)
            {
                foreach (var validator in users.PasswordValidators)
                    if (await validator.ValidateAsync(users, user, options.Value.Password) is { Succeeded: false } weak)
                        throw new InvalidOperationException(
                            $"Demo:Password is not accepted: {string.Join("; ", weak.Errors.Select(e => e.Description))}");
                passwordHash = users.PasswordHasher.HashPassword(user, options.Value.Password);
            }
            user.PasswordHash = passwordHash;
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
                throw new InvalidOperationException(
                    $"Demo user {userName} could not be created: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            await users.AddToRolesAsync(user, userRoles);
        }
        logger.LogInformation("Demo units and users are in place (password from Demo:Password).");
    }
}
