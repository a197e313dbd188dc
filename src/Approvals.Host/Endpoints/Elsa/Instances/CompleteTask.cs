using System.Text.Json.Nodes;
using Approvals.Activities.Tasks;

namespace Approvals.Host.Endpoints.Elsa.Instances;

/// <summary>
/// <c>POST /elsa/api/tasks/{taskId}/complete</c>: an <c>Elsa.RunTask</c> task completed with its result. The task is in the same
/// inbox, so completing it here goes through the same authorisation as deciding it there.
/// </summary>
internal static class CompleteTask
{
    public sealed record CompleteBody(JsonNode? Result);

    public static void Map(RouteGroupBuilder elsa) => elsa.MapPost("/tasks/{taskId}/complete", HandleAsync);

    private static async Task<IResult> HandleAsync(string taskId, CompleteBody? body, HttpContext http, TaskService tasks)
    {
        var payload = body?.Result switch
        {
            JsonObject o => o,
            null => null,
            var other => new JsonObject { ["value"] = other.DeepClone() },
        };
        var result = await tasks.DecideAsync(taskId, http.User.UserId(), "Done", null,
            http.Request.Headers["Idempotency-Key"].FirstOrDefault(), payload);
        return Results.Ok(new { taskId, status = result.Task.Status.ToString() });
    }
}
