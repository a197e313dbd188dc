using Approvals.Engine.Contracts;
using Approvals.Engine.Descriptors;

namespace Approvals.Engine.Activities;

[Activity("Elsa", "Start", "Flow", DisplayName = "Start", Description = "Where the flowchart begins.")]
public sealed class Start : Activity;
