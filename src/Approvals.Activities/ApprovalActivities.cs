using Approvals.Activities.Calendar;
using Approvals.Activities.DocumentNumbers;
using Approvals.Activities.Notifications;
using Approvals.Activities.Policy;
using Approvals.Activities.Quotas;
using Approvals.Activities.Reviews;
using Approvals.Activities.Status;
using Approvals.Engine.Descriptors;

namespace Approvals.Activities;

/// <summary>The approval domain's activity types (category "Approvals").</summary>
public static class ApprovalActivities
{
    public static void Register(ActivityRegistry registry) => registry
        .Register<Review>()
        .Register<ParallelReview>()
        .Register<Revise>()
        .Register<ExternalDecision>()
        .Register<RecordInformation>()
        .Register<QuotaCheck>()
        .Register<RecordQuotaUse>()
        .Register<AssignDocumentNumber>()
        .Register<SetStatus>()
        .Register<Notify>()
        .Register<TravelPolicyCheck>()
        .Register<WaitUntil>();
}
