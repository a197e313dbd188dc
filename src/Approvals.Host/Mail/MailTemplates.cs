using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace Approvals.Host.Mail;

/// <summary>
/// The Liquid templates of notifications, one per event and language (embedded <c>Mail/Templates/{lang}/{name}.liquid</c>).
/// A template renders three parts separated by lines of <c>---</c>: the subject, the plain text, the HTML body.
/// Values are people's words (titles, cities, comments): the HTML body is rendered with every value HTML-encoded, so
/// markup in a request can never become a live link beside the real action links; the subject and text stay plain.
/// </summary>
public sealed class MailTemplates
{
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, Parts?> _cache = new();
    private readonly TemplateOptions _options = new() { MaxSteps = 100_000 };

    public sealed record Rendered(string Subject, string Text, string Html);

    // Parsed apart so each part is rendered once, with the encoder it needs.
    private sealed record Parts(IFluidTemplate Subject, IFluidTemplate Text, IFluidTemplate Html);

    public async Task<Rendered> RenderAsync(string template, string language, IReadOnlyDictionary<string, object?> model)
    {
        var parts = Find(template, language) ?? Find(template, "zh-CN") ?? Find("generic", language) ?? Find("generic", "zh-CN")
            ?? throw new InvalidOperationException($"No mail template '{template}'.");
        var context = new TemplateContext(_options);
        foreach (var (key, value) in model) context.SetValue(key, value);
        var subject = (await parts.Subject.RenderAsync(context, NullEncoder.Default)).Trim();
        if (subject.StartsWith("subject:", StringComparison.OrdinalIgnoreCase)) subject = subject[8..].Trim();
        var text = (await parts.Text.RenderAsync(context, NullEncoder.Default)).Trim() + "\n";
        return new Rendered(subject, text, (await parts.Html.RenderAsync(context, Html)).Trim());
    }

    // Chinese stays readable in the HTML source; markup characters and quotes are encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private Parts? Find(string template, string language) => _cache.GetOrAdd($"{language}/{template}", key =>
    {
        // Resource names turn the folder's '-' into '_'; compare with both normalised.
        static string Normal(string s) => s.Replace('-', '_').ToLowerInvariant();
        var name = Normal($"Approvals.Host.Mail.Templates.{language}.{template}.liquid");
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => Normal(n) == name);
        if (resource is null) return null;
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        var sections = reader.ReadToEnd().Replace("\r\n", "\n").Split("\n---\n", 3);
        if (sections.Length != 3)
            throw new InvalidOperationException(
                $"Mail template {key} must have a subject, a text part and an HTML part separated by '---' lines.");
        IFluidTemplate Parse(string section, string part) => Parser.TryParse(section, out var parsed, out var error)
            ? parsed : throw new InvalidOperationException($"Mail template {key} does not parse ({part}): {error}");
        return new Parts(Parse(sections[0], "subject"), Parse(sections[1], "text"), Parse(sections[2], "HTML"));
    });
}
