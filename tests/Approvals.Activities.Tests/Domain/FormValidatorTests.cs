using System.Text.Json.Nodes;
using Approvals.Activities.Forms;

namespace Approvals.Activities.Tests.Domain;

public sealed class FormValidatorTests
{
    private static readonly FormSchema Schema = new(
    [
        new FormField { Name = "name", Type = "text", Required = true, MaxLength = 5 },
        new FormField { Name = "code", Type = "text", Pattern = "^[A-Z]{3}$" },
        new FormField { Name = "size", Type = "integer", Min = 1, Max = 10 },
        new FormField { Name = "budget", Type = "number", Min = 0 },
        new FormField { Name = "from", Type = "date" },
        new FormField { Name = "to", Type = "date", NotBefore = "from" },
        new FormField { Name = "arrival", Type = "datetime" },
        new FormField { Name = "vip", Type = "boolean" },
        new FormField { Name = "kind", Type = "select", Options = [new FormOption("a", "甲", "A"), new FormOption("b", "乙", "B")] },
        new FormField { Name = "extras", Type = "checklist", Options = [new FormOption("x", null, null)], MaxItems = 1 },
        new FormField { Name = "country", Type = "country" },
        new FormField { Name = "members", Type = "table", MinItems = 1,
            Columns = [new FormField { Name = "name", Type = "text", Required = true }] },
        new FormField { Name = "taiwanPermit", Type = "text", Required = true, When = new FormCondition("vip", JsonValue.Create(true)) },
    ]);

    [Fact]
    public void Valid_data_has_no_errors()
    {
        var data = new JsonObject
        {
            ["name"] = "王明", ["code"] = "ABC", ["size"] = 3, ["budget"] = 12.5, ["from"] = "2026-05-01", ["to"] = "2026-05-03",
            ["arrival"] = "2026-05-01T10:00:00+08:00", ["vip"] = false, ["kind"] = "a", ["extras"] = new JsonArray("x"), ["country"] = "CZ",
            ["members"] = new JsonArray(new JsonObject { ["name"] = "李" }),
        };
        Assert.Empty(FormValidator.Validate(Schema, data));
    }

    [Fact]
    public void Every_field_type_reports_its_error_at_its_path()
    {
        var data = new JsonObject
        {
            ["name"] = "toolongname", ["code"] = "abc", ["size"] = 2.5, ["budget"] = -1, ["from"] = "2026-05-03", ["to"] = "2026-05-01",
            ["arrival"] = "tomorrow", ["vip"] = "yes", ["kind"] = "c", ["extras"] = new JsonArray("x", "y"), ["country"] = "XX",
            ["members"] = new JsonArray(new JsonObject()), ["unknown"] = 1,
        };

        var errors = FormValidator.Validate(Schema, data).ToDictionary(e => e.Path, e => e.Message);

        Assert.Equal("must be at most 5 characters", errors["name"]);
        Assert.Equal("has the wrong format", errors["code"]);
        Assert.Equal("must be a whole number", errors["size"]);
        Assert.Equal("must be at least 0", errors["budget"]);
        Assert.Equal("must not be before from", errors["to"]);
        Assert.Equal("must be a date and time", errors["arrival"]);
        Assert.Equal("must be true or false", errors["vip"]);
        Assert.Equal("'c' is not one of the choices", errors["kind"]);
        Assert.Equal("takes at most 1 entries", errors["extras"]);
        Assert.Contains("not one of the choices", errors["extras[1]"]);
        Assert.Contains("not one of the choices", errors["country"]);
        Assert.Equal("is required", errors["members[0].name"]);
        Assert.Equal("is not a field of this form", errors["unknown"]);
    }

    [Fact]
    public void Required_fields_and_conditional_fields()
    {
        var errors = FormValidator.Validate(Schema, new JsonObject { ["vip"] = true, ["members"] = new JsonArray() })
            .Select(e => e.Path).ToList();

        Assert.Contains("name", errors);
        Assert.Contains("taiwanPermit", errors);
        Assert.DoesNotContain("members", errors);
        Assert.DoesNotContain("taiwanPermit",
            FormValidator.Validate(Schema, new JsonObject { ["name"] = "x", ["vip"] = false }).Select(e => e.Path));
    }
}
