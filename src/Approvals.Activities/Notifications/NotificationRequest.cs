namespace Approvals.Activities.Notifications;

/// <summary>Outbox kind of a templated notification; the host renders the template per recipient's language and sends it.</summary>
public static class NotificationRequest
{
    public const string OutboxKind = "notification";
}
