namespace Approvals.Host.Endpoints.Tasks;

/// <summary>Tasks: the inbox, claim, release, transfer, delegate, decide. Only an assignee, a candidate or an active proxy acts.</summary>
internal static class TaskEndpoints
{
    public static void MapTasksApi(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks");
        ListTasks.Map(tasks);
        CountTasks.Map(tasks);
        GetTask.Map(tasks);
        ClaimTask.Map(tasks);
        ReleaseTask.Map(tasks);
        ReassignTask.Map(tasks);
        DelegateTask.Map(tasks);
        DecideTask.Map(tasks);
    }
}
