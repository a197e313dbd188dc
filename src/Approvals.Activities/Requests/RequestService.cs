using System.Globalization;
using System.Text.Json.Nodes;
using Approvals.Activities.Audit;
using Approvals.Activities.Contracts;
using Approvals.Activities.DocumentNumbers;
using Approvals.Activities.Forms;
using Approvals.Activities.Persistence;
using Approvals.Activities.Quotas;
using Approvals.Activities.Tasks;
using Approvals.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Approvals.Activities.Requests;

/// <summary>Filing and withdrawing requests. A request and the start of its workflow are saved in one transaction.</summary>
public sealed class RequestService(ApprovalsDbContextFactory factory, WorkflowRuntime runtime, RequestTypeCatalog types,
    NumberSequences numbers, IUserDirectory directory, TimeProvider clock)
{
    /// <summary>Validates the form against its type's schema, numbers the request and starts its workflow.</summary>
    public async Task<Request> SubmitAsync(string applicantId, string type, JsonObject data, CancellationToken cancellationToken = default)
    {
        var requestType = await types.FindAsync(type, cancellationToken) ?? throw new DecisionInvalidException("type",
            $"There is no request type '{type}'.");
        var applicant = await directory.FindAsync(applicantId, cancellationToken) ?? throw new TaskForbiddenException("Unknown user.");
        if (!applicant.Roles.Contains("applicant")) throw new TaskForbiddenException("Only applicants file requests.");
        if (applicant.UnitId is null) throw new TaskForbiddenException("Your account belongs to no unit.");
        var errors = FormValidator.Validate(requestType.Form, data);
        if (errors.Count > 0) throw new FormValidationException(errors);

        var now = clock.GetUtcNow();
        var year = TimeZoneInfo.ConvertTime(now, Calendar.OfficeTime.Zone).Year;
        var sequence = await numbers.TakeAsync("request:" + requestType.Code, year, cancellationToken);
        var number = $"{requestType.NumberPrefix}-{year}-{sequence.ToString("D4", CultureInfo.InvariantCulture)}";
        var request = new Request
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Number = number,
            Type = requestType.Code,
            DefinitionId = requestType.DefinitionId,
            UnitId = applicant.UnitId,
            ApplicantId = applicant.Id,
            Title = TitleOf(requestType, data, number),
            Data = (JsonObject)data.DeepClone(),
            WorkflowInstanceId = Guid.CreateVersion7().ToString("N"),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var input = new JsonObject
        {
            ["requestId"] = request.Id,
            ["number"] = number,
            ["type"] = request.Type,
            ["unitId"] = request.UnitId,
            ["applicantId"] = request.ApplicantId,
            ["status"] = request.Status,
            ["data"] = data.DeepClone(),
        };
        await runtime.StartAsync(requestType.DefinitionId, new StartWorkflowOptions
        {
            InstanceId = request.WorkflowInstanceId,
            CorrelationId = request.Id,
            Input = input,
            CommitItems =
            [
                new RequestCreated(request),
                new AuditRecord(applicant.Id, "Submitted") { RequestId = request.Id, WorkflowInstanceId = request.WorkflowInstanceId,
                    StatusAfter = request.Status, At = now },
            ],
        }, cancellationToken);
        return await GetAsync(request.Id, cancellationToken);
    }

    public async Task<Request> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.Create();
        return await ApprovalsQueries.RequestById(db, requestId, cancellationToken)
            ?? throw new KeyNotFoundException($"Request '{requestId}' was not found.");
    }

    /// <summary>
    /// The applicant withdraws a request still in progress: its workflow is cancelled, its open tasks close, any quota it took is released.
    /// </summary>
    public async Task<Request> WithdrawAsync(string requestId, string userId, string? reason, CancellationToken cancellationToken = default)
    {
        var request = await GetAsync(requestId, cancellationToken);
        var user = await directory.FindAsync(userId, cancellationToken);
        if (user is null || (request.ApplicantId != userId && !(user.Roles.Contains("applicant") && user.UnitId == request.UnitId)))
            throw new TaskForbiddenException("Only the applicant's unit may withdraw the request.");
        var state = await runtime.GetStateAsync(request.WorkflowInstanceId, cancellationToken);
        if (request.State is not (RequestState.InProgress or RequestState.Returned or RequestState.Approved)
            || state?.Status != Engine.Models.WorkflowStatus.Running)
            throw new RequestConflictException(
                $"The request is {request.State.ToString().ToLowerInvariant()} and can no longer be withdrawn.");
        // Withdrawing an approved request cancels the trip (or visit): what it took from the quota is released.
        var (status, statusEn, action) = request.State == RequestState.Approved ? ("已取消", "Cancelled", "Cancelled")
            : ("已撤回", "Withdrawn", "Withdrawn");
        var now = clock.GetUtcNow();
        await runtime.CancelAsync(request.WorkflowInstanceId, reason ?? "withdrawn by the applicant",
        [
            new RequestUpdated(request.Id) { State = RequestState.Withdrawn, Status = status, StatusEn = statusEn },
            new QuotaReleased(request.Id, now),
            new AuditRecord(userId, action) { RequestId = request.Id, WorkflowInstanceId = request.WorkflowInstanceId, Comment = reason,
                StatusBefore = request.Status, StatusAfter = status, At = now },
        ], cancellationToken);
        return await GetAsync(requestId, cancellationToken);
    }

    /// <summary>"类型：value of the type's title field" ("Type: value" in English), or the type and number when the field is empty.</summary>
    public static string TitleOf(RequestType type, JsonObject data, string number, bool english = false)
    {
        var value = type.TitleField is { } field && data[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var name = english ? type.NameEn : type.Name;
        return value is null ? $"{name} {number}" : english ? $"{name}: {value}" : $"{name}：{value}";
    }
}
