using Approvals.Engine.Descriptors;

namespace Approvals.Activities;

/// <summary>Registers the approval domain's activity types with the engine.</summary>
public static class ApprovalActivities
{
    public static void Register(ActivityRegistry registry)
    {
        // The approval activities (Review, ParallelReview, …) are added here as the domain is built.
        _ = registry;
    }
}
