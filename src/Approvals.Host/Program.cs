using Approvals.Activities.Calendar;
using Approvals.Activities.Extensions;
using Approvals.Activities.Persistence;
using Approvals.Activities.Seeding;
using Approvals.Engine.Persistence;
using Approvals.Host.Cli;
using Approvals.Host.Options;

if (args is ["workflows", "validate", .. var files])
    return await WorkflowsCommand.ValidateAsync(files, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
    builder.WebHost.UseUrls("http://127.0.0.1:5080");

var approvals = builder.Configuration.GetSection("Approvals").Get<ApprovalsOptions>() ?? new ApprovalsOptions();
var dataDirectory = Path.Combine(builder.Environment.ContentRootPath, approvals.DataDirectory);
var connectionString = builder.Configuration.GetConnectionString("Approvals")
    ?? $"Data Source={Path.Combine(dataDirectory, "approvals.db")}";
builder.Services.AddApprovals(o => o.ConnectionString = connectionString);
builder.Services.AddSingleton<Approvals.Activities.Contracts.IUserDirectory, Approvals.Host.Identity.NoUserDirectory>();
builder.Services.AddProblemDetails();

var app = builder.Build();
await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
await app.Services.GetRequiredService<ApprovalsDatabaseMigrator>().MigrateAsync();
var seeder = app.Services.GetRequiredService<WorkflowSeeder>();
await seeder.SeedCalendarAsync(ChinaPublicHolidays.Year2026);
await seeder.SeedWorkflowsAsync(Path.Combine(AppContext.BaseDirectory, "workflows"));

app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));
app.Run();
return 0;

/// <summary>Exposed for the integration tests' WebApplicationFactory.</summary>
public partial class Program;
