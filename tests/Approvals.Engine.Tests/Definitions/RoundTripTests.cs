using System.Text;
using System.Text.Json.Nodes;
using Approvals.Engine.Definitions;
using Approvals.Engine.Models;
using Approvals.Engine.Serialization;
using Approvals.Engine.Tests.Support;

namespace Approvals.Engine.Tests.Definitions;

public sealed class RoundTripTests
{
    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Every_sample_survives_load_and_save_unchanged_modulo_formatting(string file)
    {
        var text = Encoding.UTF8.GetString(Samples.Bytes(file));
        var problems = new List<DefinitionProblem>();
        var loaded = DefinitionJson.Parse(text, problems);
        Assert.Empty(problems);

        var saved = new WorkflowDefinitionDocument(loaded!).ToJson();

        var original = JsonNode.Parse(text.TrimStart('\uFEFF'));
        Assert.True(JsonNode.DeepEquals(original, JsonNode.Parse(saved)), $"{file} changed on a round trip");
    }

    [Fact]
    public void A_byte_order_mark_is_tolerated()
    {
        var bytes = Samples.Bytes("v3-timer-workflow.json");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        var read = DefinitionReader.Read(Encoding.UTF8.GetString(bytes));

        Assert.Empty(read.Problems);
        Assert.Equal("d1d828033d9c2dcd", read.Document!.DefinitionId);
    }

    [Theory]
    [InlineData("v3-fork-decision-join-waitall.json")]
    [InlineData("v3-timer-workflow.json")]
    public async Task A_sample_saved_in_the_store_reads_back_with_every_property(string file)
    {
        await using var engine = await TestEngine.CreateAsync();
        var text = Samples.Read(file);

        var record = await engine.Definitions.ImportAsync(text, publish: false);
        var back = WorkflowDefinitionStore.ToDocument((await engine.Definitions.FindByVersionIdAsync(record.Id))!).Json;

        var original = JsonNode.Parse(text)!.AsObject();
        // The store owns the version id and the latest/published flags; everything else is the author's.
        foreach (var owned in new[] { "id", "isLatest", "isPublished" })
        {
            original.Remove(owned);
            back.Remove(owned);
        }
        Assert.True(JsonNode.DeepEquals(original, back), "the stored definition lost or changed properties");
        Assert.Equal(original["version"]!.GetValue<int>(), record.Version);
    }

    [Fact]
    public async Task Unknown_properties_of_the_document_and_of_activities_are_kept()
    {
        await using var engine = await TestEngine.CreateAsync();
        var json = new Flow("keep").WriteLine("a", "A").ToJson();
        json["futureElsaField"] = new JsonObject { ["nested"] = new JsonArray(1, 2, 3) };
        json["root"]!["activities"]![0]!["metadata"]!["designer"]!["size"] = new JsonObject { ["width"] = 120.5, ["height"] = 48 };
        json["root"]!["activities"]![0]!["someDesignerHint"] = "kept";

        var record = await engine.Definitions.ImportAsync(json.ToJsonString(), publish: true);
        var back = WorkflowDefinitionStore.ToDocument((await engine.Definitions.FindByVersionIdAsync(record.Id))!).Json;

        Assert.True(JsonNode.DeepEquals(json["futureElsaField"], back["futureElsaField"]));
        Assert.Equal(120.5, back["root"]!["activities"]![0]!["metadata"]!["designer"]!["size"]!["width"]!.GetValue<double>());
        Assert.Equal("kept", back["root"]!["activities"]![0]!["someDesignerHint"]!.GetValue<string>());
    }

    [Fact]
    public void The_elsa2_sample_is_converted_to_an_elsa3_flowchart()
    {
        var read = DefinitionReader.Read(Samples.Read("v2-visual-document-approval-workflow.json"));

        Assert.True(read.WasElsa2);
        var document = read.Document!;
        Assert.Equal("932002130c54445d99d7787e9dad8207", document.DefinitionId);
        Assert.Equal("Elsa.Flowchart", document.Root!["type"]!.GetValue<string>());
        var types = document.Root["activities"]!.AsArray().Select(a => a!["type"]!.GetValue<string>()).ToList();
        Assert.Contains("Elsa.FlowFork", types);
        Assert.Contains("Elsa.FlowJoin", types);
        Assert.Contains("Elsa.Event", types);
        Assert.Contains("Elsa.Timer", types);
        Assert.Contains("Elsa.SetVariable", types);
        Assert.Equal(4, types.Count(t => t == "Elsa.SendEmail"));
        var fork = document.Root["activities"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Elsa.FlowFork")!;
        Assert.Equal("Object", fork["branches"]!["expression"]!["type"]!.GetValue<string>());
        Assert.Equal(14, document.Root["connections"]!.AsArray().Count);
        Assert.Contains(document.Variables, v => v.Name == "Document");
    }
}
