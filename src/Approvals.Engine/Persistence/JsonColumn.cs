using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Approvals.Engine.Persistence;

/// <summary>JSON values and string lists stored as text columns (shared by every context of the product).</summary>
public static class JsonColumn
{
    public static readonly ValueConverter<JsonObject?, string?> Object = new(
        v => v == null ? null : v.ToJsonString((JsonSerializerOptions?)null),
        v => v == null ? null : JsonNode.Parse(v, null, default) as JsonObject);

    public static readonly ValueConverter<JsonNode?, string?> Node = new(
        v => v == null ? null : v.ToJsonString((JsonSerializerOptions?)null),
        v => v == null ? null : JsonNode.Parse(v, null, default));

    public static readonly ValueConverter<JsonArray?, string?> Array = new(
        v => v == null ? null : v.ToJsonString((JsonSerializerOptions?)null),
        v => v == null ? null : JsonNode.Parse(v, null, default) as JsonArray);

    public static readonly ValueComparer<JsonArray?> ArrayComparer = new(
        (a, b) => JsonNode.DeepEquals(a, b),
        v => v == null ? 0 : v.ToJsonString((JsonSerializerOptions?)null).GetHashCode(),
        v => v == null ? null : (JsonArray)v.DeepClone());

    public static readonly ValueConverter<List<string>, string> StringList = new(
        v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
        v => JsonSerializer.Deserialize<List<string>>(v, (JsonSerializerOptions?)null) ?? new List<string>());

    public static readonly ValueComparer<JsonObject?> ObjectComparer = new(
        (a, b) => JsonNode.DeepEquals(a, b),
        v => v == null ? 0 : v.ToJsonString((JsonSerializerOptions?)null).GetHashCode(),
        v => v == null ? null : (JsonObject)v.DeepClone());

    public static readonly ValueComparer<JsonNode?> NodeComparer = new(
        (a, b) => JsonNode.DeepEquals(a, b),
        v => v == null ? 0 : v.ToJsonString((JsonSerializerOptions?)null).GetHashCode(),
        v => v == null ? null : v.DeepClone());

    public static readonly ValueComparer<List<string>> StringListComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode())),
        v => v.ToList());
}
