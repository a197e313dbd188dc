namespace Approvals.Host.Endpoints.Elsa.Instances;

/// <summary>
/// Workflow instances, their journal and activity executions, and <c>Elsa.RunTask</c> completion, as Elsa's API serves them;
/// retrying and cancelling an instance is for administrators.
/// </summary>
internal static class ElsaInstanceEndpoints
{
    public static void MapElsaInstances(this RouteGroupBuilder elsa)
    {
        ListInstances.Map(elsa);
        GetInstance.Map(elsa);
        GetJournal.Map(elsa);
        GetExecutionState.Map(elsa);
        GetVariables.Map(elsa);
        ReportActivityExecutions.Map(elsa);
        ListActivityExecutions.Map(elsa);
        GetActivityExecution.Map(elsa);
        CompleteTask.Map(elsa);

        var admin = elsa.MapGroup("/").RequireAuthorization(HostingExtensions.ElsaAdminPolicy);
        RetryWorkflowInstance.Map(admin);
        CancelWorkflowInstance.Map(admin);
    }
}
