using System.Text.Json;
using System.Text.Json.Serialization;
using Approvals.Engine.Models;

namespace Approvals.Engine.Runtime;

/// <summary>Reads and writes the JSON column that holds an instance's <see cref="WorkflowState"/>.</summary>
public static class WorkflowStateSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(WorkflowState state) => JsonSerializer.Serialize(state, Options);

    public static WorkflowState Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowState>(json, Options) ?? throw new InvalidOperationException("The instance state is empty.");
}
