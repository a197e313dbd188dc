using System.Text.RegularExpressions;
using MimeKit;

namespace Approvals.Host.Mail;

/// <summary>
/// A message from the pickup folder as administrators may read it: every decision link's token is cut out, since each is a
/// live link that decides as the person it was sent to.
/// </summary>
internal static partial class PickupRedaction
{
    public const string Redacted = "/actions/[redacted]";

    public static async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var message = await MimeMessage.LoadAsync(path, cancellationToken);
        foreach (var part in message.BodyParts.OfType<TextPart>())
            part.Text = ActionLink().Replace(part.Text, Redacted);
        using var output = new MemoryStream();
        await message.WriteToAsync(output, cancellationToken);
        return output.ToArray();
    }

    [GeneratedRegex("""/actions/[^\s"'<>]+""")]
    private static partial Regex ActionLink();
}
