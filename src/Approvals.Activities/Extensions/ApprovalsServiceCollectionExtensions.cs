using Approvals.Activities.Calendar;
using Approvals.Activities.DocumentNumbers;
using Approvals.Activities.Persistence;
using Approvals.Activities.Proxies;
using Approvals.Activities.Quotas;
using Approvals.Activities.Requests;
using Approvals.Activities.Seeding;
using Approvals.Activities.Tasks;
using Approvals.Engine.Contracts;
using Approvals.Engine.Extensions;
using Approvals.Engine.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Activities.Extensions;

public static class ApprovalsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine with the approval activities, and the approval domain's services. The host supplies an
    /// <see cref="Contracts.IUserDirectory"/>.
    /// </summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services, Action<EngineOptions>? engine = null)
    {
        services.AddWorkflowEngine(engine, ApprovalActivities.Register);
        services.AddSingleton<ApprovalsDbContextFactory>();
        services.AddSingleton<ApprovalsDatabaseMigrator>();
        services.AddSingleton<ICommitParticipant, ApprovalsCommitParticipant>();
        services.AddSingleton<WorkingCalendar>();
        services.AddSingleton<NumberSequences>();
        services.AddSingleton<QuotaLedger>();
        services.AddSingleton<RequestTypeCatalog>();
        services.AddSingleton<RequestService>();
        services.AddSingleton<TaskService>();
        services.AddSingleton<Access.RequestAccess>();
        services.AddSingleton<ProxyService>();
        services.AddSingleton<Audit.AuditLog>();
        services.AddSingleton<Inbox>();
        services.AddSingleton<TitleIndex>();
        services.AddHostedService<TitleIndexCatchUp>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<Reports.StatisticsService>();
        services.AddSingleton<WorkflowSeeder>();
        return services;
    }
}
