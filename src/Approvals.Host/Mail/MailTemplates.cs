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
    private readonly ConcurrentDictionary<string, IFluidTemplate?> _cache = new();
    private readonly TemplateOptions _options = new() { MaxSteps = 100_000 };

    public sealed record Rendered(string Subject, string Text, string Html);

    public async Task<Rendered> RenderAsync(string template, string language, IReadOnlyDictionary<string, object?> model)
    {
        var parsed = Find(template, language) ?? Find(template, "zh-CN") ?? Find("generic", language) ?? Find("generic", "zh-CN")
            ?? throw new InvalidOperationException($"No mail template '{template}'.");
        var plain = Split(template, await parsed.RenderAsync(Context(model), NullEncoder.Default));
        var encoded = Split(template, await parsed.RenderAsync(Context(model), Html));
        var subject = plain[0].Trim();
        if (subject.StartsWith("subject:", StringComparison.OrdinalIgnoreCase)) subject = subject[8..].Trim();
        return new Rendered(subject, plain[1].Trim() + "\n", encoded[2].Trim());
    }

    // Chinese stays readable in the HTML source; markup characters and quotes are encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private TemplateContext Context(IReadOnlyDictionary<string, object?> model)
    {
        var context = new TemplateContext(_options);
        foreach (var (key, value) in model) context.SetValue(key, value);
        return context;
    }

    private static string[] Split(string template, string output)
    {
        var parts = output.Replace("\r\n", "\n").Split("\n---\n", 3);
        return parts.Length == 3 ? parts
            : throw new InvalidOperationException($"Mail template '{template}' must have a subject, a text part and an HTML part separated by '---' lines.");
    }

    private IFluidTemplate? Find(string template, string language) => _cache.GetOrAdd($"{language}/{template}", key =>
    {
        // Resource names turn the folder's '-' into '_'; compare with both normalised.
        static string Normal(string s) => s.Replace('-', '_').ToLowerInvariant();
        var name = Normal($"Approvals.Host.Mail.Templates.{language}.{template}.liquid");
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => Normal(n) == name);
        if (resource is null) return null;
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        var text = reader.ReadToEnd();
        return Parser.TryParse(text, out var parsed, out var error) ? parsed : throw new InvalidOperationException($"Mail template {key} does not parse: {error}");
    });
}
