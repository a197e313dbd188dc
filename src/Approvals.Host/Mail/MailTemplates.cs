using System.Collections.Concurrent;
using System.Reflection;
using Fluid;

namespace Approvals.Host.Mail;

/// <summary>
/// The Liquid templates of notifications, one per event and language (embedded <c>Mail/Templates/{lang}/{name}.liquid</c>).
/// A template renders three parts separated by lines of <c>---</c>: the subject, the plain text, the HTML body.
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
        var context = new TemplateContext(_options);
        foreach (var (key, value) in model) context.SetValue(key, value);
        var output = await parsed.RenderAsync(context);
        var parts = output.Replace("\r\n", "\n").Split("\n---\n", 3);
        if (parts.Length != 3) throw new InvalidOperationException($"Mail template '{template}' must have a subject, a text part and an HTML part separated by '---' lines.");
        var subject = parts[0].Trim();
        if (subject.StartsWith("subject:", StringComparison.OrdinalIgnoreCase)) subject = subject[8..].Trim();
        return new Rendered(subject, parts[1].Trim() + "\n", parts[2].Trim());
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
