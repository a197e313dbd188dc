using Approvals.Engine.Activities;
using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;

namespace Approvals.Engine.Tests.Definitions;

public sealed class DescriptorTests
{
    [Activity("Acme", "Stamp", "Approvals", DisplayName = "Stamp document", Description = "Stamps a document.", Kind = ActivityKind.Task)]
    [FlowNode("Stamped", "Refused")]
    private sealed class StampActivity : Activity
    {
        [Input(Description = "Who stamps.", UIHint = UIHints.Dropdown, Options = ["Director", "Deputy"], Required = true, Order = 1)]
        public string Role { get; set; } = "";

        [Input(Description = "Due in working days.", Order = 2)]
        public int DueDays { get; set; }

        [Output] public string? Stamp { get; set; }
    }

    [Fact]
    public void A_class_with_attributes_yields_an_elsa_style_descriptor()
    {
        var d = ActivityRegistry.Describe(typeof(StampActivity));

        Assert.Equal("Acme.Stamp", d.TypeName);
        Assert.Equal("Approvals", d.Category);
        Assert.Equal("Stamp document", d.DisplayName);
        Assert.Equal(ActivityKind.Task, d.Kind);
        Assert.Equal(["Stamped", "Refused"], d.Ports);
        Assert.Equal(["Role", "DueDays"], d.Inputs.Select(i => i.Name).ToList());
        var role = d.Inputs[0];
        Assert.Equal(("String", "dropdown", true), (role.TypeName, role.UIHint, role.Required));
        Assert.Equal(["Director", "Deputy"], role.Options!);
        Assert.Equal(("Int32", "singleline"), (d.Inputs[1].TypeName, d.Inputs[1].UIHint));
        Assert.Equal("Stamp", Assert.Single(d.Outputs).Name);
    }

    [Fact]
    public void Built_in_activities_have_their_elsa_names_and_ports()
    {
        var registry = new ActivityRegistry().AddBuiltIns();

        foreach (var type in new[] { "Elsa.Flowchart", "Elsa.Start", "Elsa.End", "Elsa.Finish", "Elsa.Fault",
            "Elsa.WriteLine", "Elsa.SetVariable",
                     "Elsa.FlowDecision", "Elsa.FlowSwitch", "Elsa.FlowFork", "Elsa.FlowJoin", "Elsa.Delay", "Elsa.Timer", "Elsa.Event",
                     "Elsa.PublishEvent", "Elsa.RunTask", "Elsa.SendEmail" })
            Assert.NotNull(registry.Find(type));
        Assert.Equal(["True", "False"], registry.Find("Elsa.FlowDecision")!.Ports);
        Assert.True(registry.Find("Elsa.Flowchart")!.IsContainer);
        Assert.Equal(ActivityKind.Task, registry.Find("Elsa.RunTask")!.Kind);
    }
}
