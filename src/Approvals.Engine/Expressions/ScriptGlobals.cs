using System.Text;
using System.Text.Json.Nodes;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using static Approvals.Engine.Expressions.ScriptValues;

namespace Approvals.Engine.Expressions;

/// <summary>
/// What a script sees of its instance, following Elsa's conventions: <c>getInput("Name")</c>, <c>getVariable</c>/
/// <c>setVariable</c>, a generated <c>getName()</c>/<c>setName(v)</c> per variable, <c>getWorkflowInstanceId()</c>,
/// Elsa's helper functions, and Elsa 2's <c>input</c>, <c>variables</c> and variables as globals.
/// </summary>
/// <remarks>
/// A script gets a new engine for each evaluation, so each is isolated from every other instance's. The functions are
/// native functions (a script declaring them anew cost two fifths of an evaluation), and <c>input</c>, <c>variables</c> and
/// the variables as globals are made from the instance's JSON only when a script first reads them.
/// </remarks>
internal static class ScriptGlobals
{
    public static void Define(JsEngine engine, IExpressionContext context)
    {
        var global = engine.Global;
        Function(engine, "getWorkflowInstanceId", _ => context.WorkflowInstanceId);
        Function(engine, "getCorrelationId", _ => context.CorrelationId is { } correlationId ? correlationId : JsValue.Null);
        Function(engine, "getInput", args => ToJs(engine, Lookup(context.WorkflowInput, Text(args, 0))));
        Function(engine, "getVariable", args => ToJs(engine, context.Variables.GetValueOrDefault(Text(args, 0))));
        Function(engine, "setVariable", args =>
        {
            context.SetVariable(Text(args, 0), ToNode(engine, Arguments.At(args, 1)));
            return JsValue.Undefined;
        });
        Function(engine, "getOutputFrom", args => ToJs(engine, context.GetActivityOutput(Text(args, 0))?[Text(args, 1)]));
        Lazy(engine, "input", () => ToJs(engine, context.WorkflowInput));
        Function(engine, "getWorkflowDefinitionId", _ => context.WorkflowDefinitionId);
        Function(engine, "setCorrelationId", args =>
        {
            var value = Arguments.At(args, 0);
            context.SetCorrelationId(IsNothing(value) ? null : TypeConverter.ToString(value));
            return JsValue.Undefined;
        });
        Function(engine, "getLastResult", _ => ToJs(engine, context.LastResult));
        DefineHelpers(engine);

        // Elsa's generated accessors: get<Input>() for each declared input, get<Output>From<Activity>() for each activity output.
        foreach (var name in context.InputNames)
            if (ScriptAccessors.IsIdentifier(name) && !global.HasProperty(ScriptAccessors.InputGetter(name)))
                Function(engine, ScriptAccessors.InputGetter(name), _ => ToJs(engine, Lookup(context.WorkflowInput, name)));
        foreach (var (activity, outputs) in context.NamedActivityOutputs)
        {
            if (!ScriptAccessors.IsIdentifier(activity)) continue;
            foreach (var (output, value) in outputs)
                if (ScriptAccessors.IsIdentifier(output))
                    Function(engine, ScriptAccessors.OutputGetter(output, activity), _ => ToJs(engine, value));
        }

        // Elsa 2's globals show the variables as they were when the script began, whatever it sets before reading them.
        var began = context.VariableDefinitions.Count == 0 ? [] : context.VariableDefinitions
            .Select(d => KeyValuePair.Create(d.Name, context.Variables.GetValueOrDefault(d.Name))).ToArray();
        foreach (var (name, value) in began)
        {
            if (!ScriptAccessors.IsIdentifier(name)) continue;
            foreach (var get in ScriptAccessors.VariableGetters(name))
                Function(engine, get, _ => ToJs(engine, context.Variables.GetValueOrDefault(name)));
            foreach (var set in ScriptAccessors.VariableSetters(name))
                Function(engine, set, args =>
                {
                    context.SetVariable(name, ToNode(engine, Arguments.At(args, 0)));
                    return JsValue.Undefined;
                });
            if (!global.HasProperty(name)) Lazy(engine, name, () => ToJs(engine, value));
        }
        Lazy(engine, "variables", () =>
        {
            var variables = new JsObject(engine);
            foreach (var (name, value) in began) variables.CreateDataProperty(name, ToJs(engine, value));
            return variables;
        });
    }

    /// <summary>
    /// Elsa's helpers that need nothing of the instance, and Elsa 2's <c>Duration</c> (as ISO 8601 text, which our converter reads).
    /// </summary>
    private static void DefineHelpers(JsEngine engine)
    {
        var duration = new JsObject(engine);
        Method(duration, engine, "FromMilliseconds", args => $"PT{Number(TypeConverter.ToNumber(Arguments.At(args, 0)) / 1000)}S");
        Method(duration, engine, "FromSeconds", args => $"PT{TypeConverter.ToString(Arguments.At(args, 0))}S");
        Method(duration, engine, "FromMinutes", args => $"PT{TypeConverter.ToString(Arguments.At(args, 0))}M");
        Method(duration, engine, "FromHours", args => $"PT{TypeConverter.ToString(Arguments.At(args, 0))}H");
        Method(duration, engine, "FromDays", args => $"P{TypeConverter.ToString(Arguments.At(args, 0))}D");
        engine.Global.FastSetProperty("Duration", new PropertyDescriptor(duration, PropertyFlag.ConfigurableEnumerableWritable));

        Function(engine, "isNullOrEmpty", args => Arguments.At(args, 0) is var s && (IsNothing(s) || s is JsString { Length: 0 }));
        Function(engine, "isNullOrWhiteSpace", args => Arguments.At(args, 0) is var s && (IsNothing(s) || IsBlank(String(s))));
        Function(engine, "toJson", args => new Jint.Native.Json.JsonSerializer(engine).Serialize(Arguments.At(args, 0)));
        Function(engine, "jsonParse", args => new Jint.Native.Json.JsonParser(engine).Parse(String(Arguments.At(args, 0))));
        Function(engine, "newGuid", _ => Guid.NewGuid().ToString());
        Function(engine, "newGuidString", _ => Guid.NewGuid().ToString());
        Function(engine, "newShortGuid", _ => Guid.NewGuid().ToString("N")[..16]);
        foreach (var name in (string[])["parseGuid", "bytesToString", "stringToBytes"])
            Function(engine, name, args => String(Arguments.At(args, 0)));
        foreach (var name in (string[])["stringToBase64", "bytesToBase64"])
            Function(engine, name, args => Convert.ToBase64String(Encoding.UTF8.GetBytes(String(Arguments.At(args, 0)))));
        foreach (var name in (string[])["stringFromBase64", "bytesFromBase64"])
            Function(engine, name, args => Encoding.UTF8.GetString(Convert.FromBase64String(String(Arguments.At(args, 0)))));
    }

    private static void Function(JsEngine engine, string name, Func<JsValue[], JsValue> body) => Method(engine.Global, engine, name, body);

    private static void Method(ObjectInstance target, JsEngine engine, string name, Func<JsValue[], JsValue> body) =>
        target.FastSetProperty(name, new PropertyDescriptor(new ClrFunction(engine, name, (_, args) => body(args)),
            PropertyFlag.ConfigurableEnumerableWritable));

    /// <summary>
    /// A global whose value is made when a script first reads it, then kept as a plain global (a script may also assign it).
    /// </summary>
    private static void Lazy(JsEngine engine, string name, Func<JsValue> make)
    {
        var global = engine.Global;
        JsValue Keep(JsValue value)
        {
            global.FastSetProperty(name, new PropertyDescriptor(value, PropertyFlag.ConfigurableEnumerableWritable));
            return value;
        }
        global.FastSetProperty(name, new GetSetPropertyDescriptor(
            new ClrFunction(engine, name, (_, _) => Keep(make())),
            new ClrFunction(engine, name, (_, args) => Keep(Arguments.At(args, 0))),
            enumerable: true, configurable: true));
    }

    private static string Text(JsValue[] args, int index) =>
        Arguments.At(args, index) is var value && !IsNothing(value) ? TypeConverter.ToString(value) : "";

    private static bool IsNothing(JsValue value) => value.IsNull() || value.IsUndefined();

    /// <summary>JavaScript's <c>String(value)</c>: a symbol is written as its description rather than refused.</summary>
    private static string String(JsValue value) => value is JsSymbol ? value.ToString() : TypeConverter.ToString(value);

    private static string Number(double value) => TypeConverter.ToString(JsNumber.Create(value));

    /// <summary>Whether JavaScript's <c>trim()</c> leaves nothing (its white space is not .NET's: U+FEFF is, U+0085 is not).</summary>
    private static bool IsBlank(string text)
    {
        foreach (var c in text)
            if (!(c is '\t' or '\n' or '\v' or '\f' or '\r' or '\uFEFF' or '\u2028' or '\u2029'
                || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.SpaceSeparator))
                return false;
        return true;
    }

    private static JsonNode? Lookup(JsonObject input, string name)
    {
        if (input.TryGetPropertyValue(name, out var exact)) return exact;
        return input.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
    }
}
