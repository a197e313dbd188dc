using Approvals.Engine.Definitions;
using Approvals.Engine.Models;
using Approvals.Engine.Serialization;
using Approvals.Engine.Tests.Support;
using Approvals.Testing;
using Approvals.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Approvals.Engine.Tests.Compatibility;

/// <summary>
/// Every file of the Elsa corpus, validated together (they use each other as activities), as Elsa would accept or refuse it.
/// </summary>
public sealed class CorpusValidationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.CreateAsync();
    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private WorkflowValidator Validator => _engine.Services.GetRequiredService<WorkflowValidator>();

    /// <summary>Files Elsa itself refuses to publish; refusing them is the compatible answer.</summary>
    private static readonly string[] RefusedByElsa = ["Workflows-bad-cron-expression.json"];

    private Dictionary<string, IReadOnlyList<DefinitionProblem>> ValidateAll()
    {
        var read = ElsaCorpus.Files.ToDictionary(f => f, f => DefinitionReader.Read(File.ReadAllText(f)));
        var references = new WorkflowReferences(read.Values.Select(r => r.Document).OfType<WorkflowDefinitionDocument>()
            .Select(WorkflowReference.Of));
        return read.ToDictionary(p => p.Key, p => p.Value.Document is { } document
            ? (IReadOnlyList<DefinitionProblem>)[.. p.Value.Problems, .. Validator.Validate(document, references).Where(x => !x.IsWarning)]
            : p.Value.Problems);
    }

    [Fact]
    public void At_least_ninety_percent_of_the_corpus_is_accepted_or_refused_as_Elsa_does()
    {
        var results = ValidateAll();
        var compatible = results.Count(r => RefusedByElsa.Any(r.Key.EndsWith) ? r.Value.Count > 0 : r.Value.Count == 0);

        foreach (var (file, problems) in results.Where(r => r.Value.Count > 0 && !RefusedByElsa.Any(r.Key.EndsWith)))
            output.WriteLine($"{Path.GetFileName(file)}: {string.Join(" | ", problems.Select(p => p.Message))}");
        output.WriteLine($"{compatible} of {results.Count} compatible");
        Assert.True(results.Count >= 100, $"The corpus has {results.Count} files; expected the 108 of shared/elsa-corpus.");
        Assert.True(compatible * 10 >= results.Count * 9, $"{compatible} of {results.Count} files are compatible; at least 90 % must be.");
    }

    [Fact]
    public void What_cannot_run_here_says_why()
    {
        var results = ValidateAll();

        // C# needs a compiler this engine does not host; custom activities and script functions need the code that registered them.
        Assert.Contains(results.SelectMany(r => r.Value), p => p.Message.Contains("Expression syntax 'CSharp' is not supported"));
        Assert.Contains(results[ElsaCorpus.PathOf("DynamicActivityProvider-Workflows-get-user-workflow.json")],
            p => p.Code == "activity-type-unknown" && p.ActivityType == "Demo.Reqres.GetUser" && p.Path == "root.activities[2].type");
        Assert.Contains(results[ElsaCorpus.PathOf("WorkflowDefinitionRefresh-http-workflow.json")],
            p => p.Code == "expression-function-unknown" && p.Message.Contains("getStaticValue()"));
        var cron = Assert.Single(results[ElsaCorpus.PathOf("Workflows-bad-cron-expression.json")]);
        Assert.Equal("schedule-invalid", cron.Code);
    }

    [Fact]
    public void Elsa2_exports_convert_http_and_child_workflow_activities_and_a_port_the_activity_lacks_is_a_warning()
    {
        var document = DefinitionReader.Read(ElsaCorpus.Read("parent-child-workflows-scenario-3-parent.json")).Document!;
        var problems = Validator.Validate(document, new WorkflowReferences([]));

        Assert.DoesNotContain(problems, p => !p.IsWarning);
        Assert.Contains(problems, p => p is { IsWarning: true, Code: "connection-port-unknown" } && p.Message.Contains("'Done'"));
        var types = document.Root!["activities"]!.AsArray().Select(a => a!["type"]!.GetValue<string>()).ToList();
        Assert.Contains("Elsa.HttpEndpoint", types);
        Assert.Contains("Elsa.ExecuteWorkflow", types);
        Assert.Contains("Elsa.WriteHttpResponse", types);
    }

    [Fact]
    public void A_workflow_used_as_an_activity_that_is_not_known_or_not_published_is_named()
    {
        var consumer = DefinitionReader.Read(ElsaCorpus.Read("InputOutput-Workflows-consumer.json")).Document!;
        var provider = DefinitionReader.Read(ElsaCorpus.Read("InputOutput-Workflows-provider.json")).Document!;

        var alone = Validator.Validate(consumer);
        var withDraft = Validator.Validate(consumer, new WorkflowReferences([WorkflowReference.Of(provider)]));

        Assert.Contains(alone, p => p is { Code: "workflow-unknown", IsWarning: false } && p.Message.Contains("780fbf96f1bb1e7e"));
        Assert.Contains(withDraft, p => p is { Code: "workflow-unpublished", IsWarning: true } && p.Message.Contains("Provider"));
        Assert.DoesNotContain(withDraft, p => !p.IsWarning);
    }
}
