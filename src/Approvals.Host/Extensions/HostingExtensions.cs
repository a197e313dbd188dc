using Approvals.Activities.Calendar;
using Approvals.Activities.Contracts;
using Approvals.Activities.Extensions;
using Approvals.Activities.Persistence;
using Approvals.Activities.Requests;
using Approvals.Activities.Seeding;
using Approvals.Engine.Options;
using Approvals.Engine.Persistence;
using Approvals.Host.Demo;
using Approvals.Host.Endpoints;
using Approvals.Host.Endpoints.Administration;
using Approvals.Host.Endpoints.Elsa.Definitions;
using Approvals.Host.Endpoints.Elsa.Descriptors;
using Approvals.Host.Endpoints.Elsa.Instances;
using Approvals.Host.Endpoints.Proxies;
using Approvals.Host.Endpoints.Requests;
using Approvals.Host.Endpoints.Tasks;
using Approvals.Host.Identity;
using Approvals.Host.Options;
using Approvals.Host.Endpoints.HttpWorkflows;
using Approvals.Host.Problems;
using Approvals.Host.Security;
using Approvals.Host.Jobs;
using Approvals.Host.Mail;
using Approvals.Host.Actions;
using Approvals.Host.Studio;
using Approvals.Engine.Contracts;
using Hangfire;
using MudBlazor.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Host;

/// <summary>Everything the host wires: storage, identity, the approval domain, the API.</summary>
public static class HostingExtensions
{
    public const string AdminPolicy = "admin";
    public const string StaffPolicy = "fao-staff";
    public const string ApiPolicy = "api";
    public const string ElsaApiPolicy = "elsa-api";
    public const string ElsaAdminPolicy = "elsa-admin";
    public const string StudioPolicy = "studio";
    private const string SmartScheme = "bearer-or-cookie";

    /// <summary>
    /// On the embedded SQLite database, claims the data folder for this host (a second host on it refuses to start);
    /// PostgreSQL takes any number of hosts. Throws <see cref="Storage.DataFolderException"/> with the reason.
    /// </summary>
    public static WebApplicationBuilder ClaimDataFolder(this WebApplicationBuilder builder)
    {
        var (dataDirectory, _, provider) = StorageOf(builder);
        if (provider == DatabaseProvider.PostgreSql) return builder;
        var claimed = Storage.DataFolderLock.Take(dataDirectory);
        // Let go of when the host stops.
        builder.Services.AddHostedService(_ => new Storage.DataFolderClaim(claimed));
        return builder;
    }

    /// <summary>
    /// Where the host keeps its data: the data folder, the connection string (SQLite in that folder unless one is given) and its provider.
    /// </summary>
    private static (string DataDirectory, string ConnectionString, DatabaseProvider Provider) StorageOf(WebApplicationBuilder builder)
    {
        var approvals = builder.Configuration.GetSection("Approvals").Get<ApprovalsOptions>() ?? new ApprovalsOptions();
        var dataDirectory = Path.Combine(builder.Environment.ContentRootPath, approvals.DataDirectory);
        var connectionString = builder.Configuration.GetConnectionString("Approvals")
            ?? $"Data Source={Path.Combine(dataDirectory, "approvals.db")}";
        return (dataDirectory, connectionString, new EngineOptions { ConnectionString = connectionString }.ResolvedProvider);
    }

    public static WebApplicationBuilder AddApprovalsHost(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var (dataDirectory, connectionString, provider) = StorageOf(builder);
        Memory.NativeHeap.LimitArenas();
        services.AddHostedService<Memory.NativeHeapTrimming>();
        Approvals.Activities.Calendar.OfficeTime.Use(configuration["Approvals:TimeZone"]);

        // Keys that protect cookies, bearer tokens and mail links live with the data, so they survive restarts; with
        // PostgreSQL they live in the database, so every host accepts what any other host signed.
        var protection = services.AddDataProtection().SetApplicationName("Approvals");
        if (provider == DatabaseProvider.PostgreSql) protection.PersistKeysToDbContext<IdentityDb>();
        else protection.PersistKeysToFileSystem(Security.KeyStorage.Folder(dataDirectory));
        // With a certificate configured, the keys are encrypted at rest (in the folder or the database); see the README.
        if (Security.KeyStorage.Certificate(configuration, builder.Environment.ContentRootPath) is { } certificate)
            protection.ProtectKeysWithCertificate(certificate);
        services.Configure<DemoOptions>(configuration.GetSection("Demo"));
        services.Configure<AttachmentLimits>(configuration.GetSection("Approvals:Attachments"));
        services.Configure<ApprovalsOptions>(configuration.GetSection("Approvals"));
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        services.Configure<StudioOptions>(configuration.GetSection("Studio"));
        services.Configure<HttpWorkflowOptions>(configuration.GetSection("HttpWorkflows"));
        services.AddSingleton<Endpoints.HttpWorkflows.HttpEndpointRoutes>();
        services.AddSingleton<Studio.StudioPackage>();
        services.Configure<JobsOptions>(configuration.GetSection("Hangfire"));
        services.AddJobsAndMail(configuration, provider, connectionString, dataDirectory);
        var jobs = configuration.GetSection("Hangfire").Get<JobsOptions>() ?? new JobsOptions();
        // Hangfire runs the timer sweep, so the engine's own poller stays off.
        services.AddApprovals(o =>
        {
            o.ConnectionString = connectionString;
            o.TimerPollingInterval = TimeSpan.Zero;
            o.TimerLease = jobs.TimerLease;
            o.TimerBatchSize = jobs.SweepBatchSize;
        });

        if (provider == DatabaseProvider.PostgreSql) PostgresRegistrations.AddIdentityDb(services, connectionString);
        else
            services.AddDbContext<IdentityDb, SqliteIdentityDb>(o => o
                .UseSqlite(new SqliteConnectionStringBuilder(connectionString) { DefaultTimeout = 30 }.ToString(),
                    x => x.MigrationsHistoryTable(IdentityDb.MigrationsHistoryTable)).LeftToTheTests());
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 8;
                o.User.RequireUniqueEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IdentityDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Bearer token or cookie", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(8);
                o.Events.OnMessageReceived = SignInStanding.ValidateBearerAsync;
            })
            .AddIdentityCookies();
        // The studio's token opens /elsa/api and nothing else; every other policy refuses it.
        static bool NotElsaOnly(AuthorizationHandlerContext c) => !c.User.HasClaim(BearerTokens.AudienceClaim, BearerTokens.ElsaAudience);
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireAssertion(NotElsaOnly).Build())
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin).RequireAssertion(NotElsaOnly))
            .AddPolicy(StaffPolicy, p => p.RequireRole([.. Roles.FaoStaff]).RequireAssertion(NotElsaOnly))
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser()
                .RequireAssertion(NotElsaOnly))
            // Bearer only: a cookie never reaches the Elsa API, so another site cannot make a signed-in browser import or delete.
            .AddPolicy(ElsaApiPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole([.. Roles.FaoStaff]))
            .AddPolicy(ElsaAdminPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireRole(Roles.Admin))
            // The studio page and its token renewal: the browser's own sign-in (a cookie), never a token.
            .AddPolicy(StudioPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireRole([.. Roles.FaoStaff]));
        services.AddSingleton<SignInStanding>();
        services.AddSingleton<Storage.StorageHealth>();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, CircuitRevalidation>();
        services.AddSingleton<IUserDirectory, IdentityUserDirectory>();
        services.AddSingleton<BearerTokens>();
        services.AddSingleton<BearerTickets>();
        services.AddSingleton<DemoSeeder>();
        services.AddScoped<Administration.UserAccounts>();
        services.AddSingleton<Administration.Incidents>();
        services.AddSingleton<Reviewing.WorkflowProgress>();
        services.AddSingleton<Reviewing.InboxRows>();
        services.AddSingleton<Administration.QuotaPlans>();
        services.AddSingleton<Administration.OfficeUnits>();
        services.AddSingleton<Administration.HolidayCalendar>();

        // Chinese pages stay readable (and small): HTML-encode only what must be encoded.
        services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddScoped<Components.Localization.UiText>();
        services.AddScoped<Components.Reviewing.InboxBadge>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/signin";
            o.AccessDeniedPath = "/forbidden";
            // API callers get a status code, not a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = context => Api(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Api(context, StatusCodes.Status403Forbidden);
            // Every request, not Identity's half-hourly check: a locked account or a changed role ends the sign-in at once.
            o.Events.OnValidatePrincipal = SignInStanding.ValidateCookieAsync;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    /// <summary>
    /// Migrates every schema and seeds what a first start needs: calendar, shipped workflows, roles, demo users. Three
    /// chains that need nothing of each other run side by side (the start is mostly compiling code, and a small machine
    /// has two cores): the engine's and the domain's schemas and what they hold; the accounts' schema and its users (who
    /// belong to the domain's units); the recurring jobs.
    /// </summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        var services = app.Services;
        var domain = MigrateDomainAsync(services);
        await Task.WhenAll(domain, SeedDomainAsync(services, domain), SeedAccountsAsync(services, domain),
            Task.Run(() => ScheduleSweeps(services)));
    }

    private static async Task MigrateDomainAsync(IServiceProvider services)
    {
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await services.GetRequiredService<ApprovalsDatabaseMigrator>().MigrateAsync();
    }

    private static async Task SeedDomainAsync(IServiceProvider services, Task domainMigrated)
    {
        await domainMigrated;
        var seeder = services.GetRequiredService<WorkflowSeeder>();
        await seeder.SeedCalendarAsync(ChinaPublicHolidays.Year2026);
        await seeder.SeedWorkflowsAsync(Path.Combine(AppContext.BaseDirectory, "workflows"));
    }

    private static async Task SeedAccountsAsync(IServiceProvider services, Task domainMigrated)
    {
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IdentityDb>().Database.MigrateWhenBehindAsync();
        await domainMigrated;
        await services.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    /// <summary>
    /// Timers and mail are swept by recurring jobs (a window a minute); each host starts one of each as it comes up, so work
    /// that fell due while no host ran is taken within seconds (the jobs run once the host has started, after the schemas).
    /// </summary>
    private static void ScheduleSweeps(IServiceProvider services)
    {
        var recurring = services.GetRequiredService<Hangfire.IRecurringJobManager>();
        recurring.AddOrUpdate<TimerSweep>(TimerSweep.RecurringJobId, j => j.RunAsync(CancellationToken.None), Hangfire.Cron.Minutely());
        recurring.AddOrUpdate<MailDelivery>(MailDelivery.RecurringJobId, d => d.SweepAsync(CancellationToken.None),
            Hangfire.Cron.Minutely());
        recurring.Trigger(TimerSweep.RecurringJobId);
        recurring.Trigger(MailDelivery.RecurringJobId);
    }

    private static void AddJobsAndMail(this IServiceCollection services, IConfiguration configuration, DatabaseProvider provider,
        string connectionString, string dataDirectory)
    {
        var jobs = configuration.GetSection("Hangfire").Get<JobsOptions>() ?? new JobsOptions();
        Directory.CreateDirectory(dataDirectory);
        // Each host has its own storage instance (not Hangfire's static one), registered before AddHangfire so it wins.
        services.AddSingleton<Hangfire.JobStorage>(sp =>
        {
            // Hangfire's logging is process-wide: point it at this host's loggers before the storage logs anything.
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(
                sp.GetRequiredService<ILoggerFactory>()));
            return provider == DatabaseProvider.PostgreSql
                ? PostgresRegistrations.HangfireStorage(connectionString, jobs)
                : new Hangfire.Storage.SQLite.SQLiteStorage(Path.Combine(dataDirectory, "hangfire.db"),
                    new Hangfire.Storage.SQLite.SQLiteStorageOptions { QueuePollInterval = jobs.QueuePollInterval });
        });
        services.AddHangfire((sp, c) => c.SetDataCompatibilityLevel(Hangfire.CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer(o =>
        {
            o.SchedulePollingInterval = jobs.SchedulePollingInterval;
            o.WorkerCount = jobs.WorkerCount;
            o.ShutdownTimeout = TimeSpan.FromSeconds(5);
        });
        services.AddSingleton<IOutboxDispatcher, OutboxDispatcher>();
        services.AddSingleton<SweepSignal>();
        services.AddSingleton<SweepLoop>();
        services.AddTransient<TimerSweep>();
        services.AddSingleton<MailTemplates>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<MailTransport>();
        services.AddSingleton<ActionTokens>();
        services.AddTransient<MailDelivery>();
        services.AddSingleton<MailOutbox>();
        services.AddAntiforgery();
    }

    private static Task Api(
        RedirectContext<CookieAuthenticationOptions> context,
        int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/elsa/api") || path.StartsWithSegments("/hangfire")
            || path.StartsWithSegments(StudioEndpoints.TokenPath))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplication MapApprovalsEndpoints(this WebApplication app)
    {
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("zh-CN").AddSupportedCultures("zh-CN", "en").AddSupportedUICultures("zh-CN", "en");
            o.RequestCultureProviders = [new Microsoft.AspNetCore.Localization.CookieRequestCultureProvider()];
        });
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseElsaStudioFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseHangfireDashboard("/hangfire", new Hangfire.DashboardOptions { Authorization = [new DashboardAuthorization()],
            DashboardTitle = "Approvals jobs" },
            app.Services.GetRequiredService<Hangfire.JobStorage>());
        app.MapActionPages();
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapElsaStudio();
        app.MapReportDownload();
        app.MapAttachmentDownload();
        // Our own Content-Security-Policy (Security/SecurityHeaders) forbids framing; Blazor's weaker default would replace it.
        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

        // Healthy while storage can take writes; a full disk is a 503 that says so (monitors and load balancers read the status).
        app.MapGet("/health", (Storage.StorageHealth storage) => storage.Check() is { Healthy: true } ok
                ? Results.Ok(new { status = "healthy", storage = ok.Storage, freeBytes = ok.FreeBytes })
                : Results.Json(new { status = "unhealthy", storage = "full",
                    detail = "The storage is full: the host cannot save anything until space is freed." },
                    statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous().WithTags("Health");
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Approvals API v1");
            o.RoutePrefix = "openapi";
            o.DocumentTitle = "Approvals API";
        });
        app.MapAuthApi();
        var api = app.MapGroup("/api").RequireAuthorization(ApiPolicy).DisableAntiforgery();
        api.MapRequestsApi();
        api.MapTasksApi();
        api.MapRequestTypesApi();
        api.MapAdministrationApi();
        api.MapReportsApi();
        api.MapProxiesApi();

        // The part of Elsa 3's REST API that Elsa Studio calls: FAO staff read, administrators edit.
        var elsa = app.MapGroup("/elsa/api").RequireAuthorization(ElsaApiPolicy).DisableAntiforgery().WithTags("Elsa");
        elsa.MapElsaDescriptors();
        elsa.MapElsaDefinitions();
        elsa.MapElsaInstances();

        // Workflows with an HTTP endpoint trigger answer under the workflow base path (Elsa's /workflows by default).
        app.MapHttpWorkflows();
        return app;
    }
}
