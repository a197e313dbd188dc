using Approvals.Activities.Requests;
using Approvals.Activities.Tasks;

namespace Approvals.Host.Mail;

/// <summary>The requests and tasks a group of outbox rows is about, by id, read together before the group is composed.</summary>
public sealed record MailSubjects(IReadOnlyDictionary<string, Request> Requests, IReadOnlyDictionary<string, HumanTask> Tasks);
