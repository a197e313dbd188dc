using System.Text.Json;
using Approvals.Activities.Forms;
using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;
using Approvals.Engine.Execution;
using Approvals.Engine.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Approvals.Host.Problems;

/// <summary>Turns the domain's exceptions into RFC 9457 problem details that name the field or path at fault.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems,
    Microsoft.Extensions.Options.IOptions<AttachmentLimits> limits,
    Storage.StorageHealth storage, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (Storage.StorageHealth.IsStorageFull(exception))
        {
            storage.ReportFull();
            logger.LogCritical(exception, "Storage is full: {Path} could not be saved.", http.Request.Path);
        }
        ProblemDetails? problem = exception switch
        {
            _ when Storage.StorageHealth.IsStorageFull(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable, Title = "The storage is full.",
                Detail = "Nothing was saved: the server has no space left to store it. Try again later; the administrators have been " +
                    "alerted (/health reports it).",
            },
            FormValidationException form => Validation("The form has errors.", form.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key,
                g => g.Select(e => e.Message).ToArray())),
            DecisionInvalidException invalid =>
                Validation(invalid.Message, new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] }),
            InvalidDefinitionException definition => Definition(definition),
            BadHttpRequestException { InnerException: JsonException json } => Validation("The request body is not valid JSON.",
                new Dictionary<string, string[]> { [json.Path
                ?? "$"] = [$"{json.Message.Split(" Path:")[0]} (line {json.LineNumber + 1}, position {json.BytePositionInLine + 1})"] }),
            // Kestrel's own body limit (an upload without a length): say what is accepted, not only that it was too much.
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge, Title = "The upload is too large.",
                Detail = limits.Value.TooLarge,
            },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode,
                Title = "The request is not valid.", Detail = bad.Message },
            DecisionFailedException failed => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity, Title = "The decision could not be carried out; nothing was saved.",
                Detail = failed.Message,
            },
            TaskForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Not allowed.",
                Detail = forbidden.Message },
            TaskNotFoundException or KeyNotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound,
                Title = "Not found.", Detail = exception.Message },
            TaskConflictException or RequestConflictException or WorkflowConflictException or BookmarkNotFoundException
                or Approvals.Engine.Definitions.DefinitionInUseException =>
                new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Conflict.", Detail = exception.Message },
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Path}", http.Request.Path);
            return false;
        }
        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem,
            Exception = exception });
    }

    private static ValidationProblemDetails Validation(string title, IDictionary<string, string[]> errors) =>
        new(errors) { Status = StatusCodes.Status400BadRequest, Title = title };

    private static ValidationProblemDetails Definition(InvalidDefinitionException ex)
    {
        var details = Validation("The workflow definition is not valid.",
            ex.Problems.GroupBy(p => p.Line is not null ? $"line {p.Line}, column {p.Column}" : p.Path ?? "$").ToDictionary(g => g.Key,
            g => g.Select(p => p.Message).ToArray()));
        details.Extensions["problems"] = ex.Problems;
        return details;
    }
}
