using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Approvals.Engine.Models;
using Approvals.Engine.Options;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;
using Microsoft.Extensions.Options;

namespace Approvals.Engine.Expressions;

/// <summary>
/// JavaScript on Jint, sandboxed: no CLR access (only JSON values cross the boundary), with time,
/// statement, memory and recursion limits. Follows Elsa's conventions: <c>getInput("Name")</c>,
/// <c>getVariable</c>/<c>setVariable</c>, a generated <c>getName()</c>/<c>setName(v)</c> per variable,
/// <c>getWorkflowInstanceId()</c>, and a body that may end in <c>return</c>.
/// </summary>
internal sealed class JavaScriptEvaluator(IOptions<ScriptingOptions> options) : IExpressionEvaluator
{
    // Elsa 2 definitions use NodaTime's Duration in scripts; ISO 8601 strings are what our converter reads.
    private const string Prelude =
        "var Duration = { FromMilliseconds: function(n){ return 'PT' + (n/1000) + 'S'; }, FromSeconds: function(n){ return 'PT' + n + 'S'; }, " +
        "FromMinutes: function(n){ return 'PT' + n + 'M'; }, FromHours: function(n){ return 'PT' + n + 'H'; }, FromDays: function(n){ return 'P' + n + 'D'; } };";

    private static readonly Prepared<Acornima.Ast.Script> PreparedPrelude = JsEngine.PrepareScript(Prelude);

    // Elsa's common functions that need nothing of the instance.
    private const string Functions =
        "function isNullOrEmpty(s){ return s === null || s === undefined || s === ''; } " +
        "function isNullOrWhiteSpace(s){ return s === null || s === undefined || String(s).trim() === ''; } " +
        "function toJson(v){ return JSON.stringify(v); } function jsonParse(s){ return JSON.parse(s); } " +
        "function newGuid(){ return __newGuid(); } function newGuidString(){ return __newGuid(); } " +
        "function newShortGuid(){ return __newGuid().replace(/-/g, '').substring(0, 16); } function parseGuid(s){ return String(s); } " +
        "function stringToBase64(s){ return __toBase64(String(s)); } function stringFromBase64(s){ return __fromBase64(String(s)); } " +
        "function bytesToBase64(s){ return __toBase64(String(s)); } function bytesFromBase64(s){ return __fromBase64(String(s)); } " +
        "function bytesToString(s){ return String(s); } function stringToBytes(s){ return String(s); }";

    private static readonly Prepared<Acornima.Ast.Script> PreparedFunctions = JsEngine.PrepareScript(Functions);
    private readonly ConcurrentDictionary<string, Prepared<Acornima.Ast.Script>> _scripts = new(StringComparer.Ordinal);
    private readonly ScriptingOptions _limits = options.Value;

    public string Syntax => WorkflowExpression.JavaScript;

    public ValueTask<object?> EvaluateAsync(WorkflowExpression expression, Type targetType, IExpressionContext context)
    {
        var code = expression.Text ?? "";
        Prepared<Acornima.Ast.Script> script;
        try
        {
            script = _scripts.GetOrAdd(code, Prepare);
        }
        catch (Exception ex)
        {
            throw new ExpressionFaultException($"JavaScript does not parse: {ex.Message}", ex);
        }

        EnsureWarm();
        var engine = CreateEngine(context);
        JsValue result;
        try
        {
            result = engine.Evaluate(script);
        }
        catch (TimeoutException ex)
        {
            throw new ExpressionFaultException($"JavaScript ran longer than {_limits.JavaScriptTimeout.TotalMilliseconds:0} ms and was stopped.", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new ExpressionFaultException($"JavaScript ran more than {_limits.JavaScriptMaxStatements} statements and was stopped.", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            throw new ExpressionFaultException("JavaScript used more memory than allowed and was stopped.", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw new ExpressionFaultException("JavaScript recursed too deeply and was stopped.", ex);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionFaultException($"JavaScript error: {ex.Error} (line {ex.Location.Start.Line}, column {ex.Location.Start.Column + 1})", ex);
        }
        catch (Exception ex) when (ex is not ExpressionFaultException)
        {
            throw new ExpressionFaultException($"JavaScript failed: {ex.Message}", ex);
        }
        return ValueTask.FromResult(ValueConverter.Convert(ToClr(engine, result), targetType));
    }

    public string? Validate(WorkflowExpression expression)
    {
        try
        {
            _scripts.GetOrAdd(expression.Text ?? "", Prepare);
            return null;
        }
        catch (Exception ex)
        {
            return $"JavaScript does not parse: {ex.Message}";
        }
    }

    /// <summary>Functions a script calls by bare name that it does not declare itself (for validation); null when it does not parse.</summary>
    public IReadOnlyCollection<string>? UndeclaredCalls(string code)
    {
        Prepared<Acornima.Ast.Script> script;
        try
        {
            script = _scripts.GetOrAdd(code, Prepare);
        }
        catch (Exception)
        {
            return null;
        }
        var called = new HashSet<string>(StringComparer.Ordinal);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<Acornima.Ast.Node>();
        stack.Push(script.Program!);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            switch (node)
            {
                case Acornima.Ast.CallExpression { Callee: Acornima.Ast.Identifier callee }:
                    called.Add(callee.Name);
                    break;
                case Acornima.Ast.VariableDeclarator { Id: Acornima.Ast.Identifier id }:
                    declared.Add(id.Name);
                    break;
                case Acornima.Ast.IFunction function:
                    if (function.Id is { } name) declared.Add(name.Name);
                    foreach (var parameter in function.Params)
                        if (parameter is Acornima.Ast.Identifier p) declared.Add(p.Name);
                    break;
            }
            foreach (var child in node.ChildNodes) stack.Push(child);
        }
        called.ExceptWith(declared);
        return called;
    }

    /// <summary>The functions every script may call: JavaScript's own globals and the ones this engine provides.</summary>
    public static readonly IReadOnlySet<string> KnownFunctions = new HashSet<string>(StringComparer.Ordinal)
    {
        "parseInt", "parseFloat", "isNaN", "isFinite", "String", "Number", "Boolean", "Array", "Object", "Date", "RegExp", "Error", "TypeError",
        "RangeError", "Symbol", "BigInt", "Map", "Set", "WeakMap", "WeakSet", "Promise", "encodeURIComponent", "decodeURIComponent", "encodeURI",
        "decodeURI", "escape", "unescape", "eval",
        "getWorkflowInstanceId", "getWorkflowDefinitionId", "getCorrelationId", "setCorrelationId", "getInput", "getVariable", "setVariable",
        "getOutputFrom", "getLastResult", "isNullOrEmpty", "isNullOrWhiteSpace", "toJson", "newGuid", "newGuidString", "newShortGuid",
        "bytesToString", "stringToBytes", "bytesFromBase64", "bytesToBase64", "stringFromBase64", "stringToBase64", "parseGuid", "jsonParse",
    };

    /// <summary>
    /// Runs a representative script once per process, outside the time limit. The first evaluation compiles Jint's own code
    /// (0.5-2 s on a cold start here), which counted against the first expression's limit of a second: the first filing after a
    /// restart could fault its instance. Every evaluation waits for this once; the host also runs it as soon as it has started.
    /// </summary>
    public void EnsureWarm()
    {
        if (Volatile.Read(ref _warm)) return;
        lock (WarmLock)
        {
            if (_warm) return;
            try
            {
                RunWarmUp();
            }
            catch (Exception)
            {
                // The point is the compiled code, not the answer: a warm-up that fails must not fail the expression waiting on it.
            }
            Volatile.Write(ref _warm, true);
        }
    }

    /// <summary>The warm-up script on a context of no instance, without the time limit; returns its value.</summary>
    internal object? RunWarmUp()
    {
        var engine = CreateEngine(new ScriptWarmUpContext(), limited: false);
        return ToClr(engine, engine.Evaluate(_scripts.GetOrAdd(ScriptWarmUpContext.Script, Prepare)));
    }

    private static readonly Lock WarmLock = new();
    private static bool _warm;

    private static Prepared<Acornima.Ast.Script> Prepare(string code) =>
        JsEngine.PrepareScript(code, options: new ScriptPreparationOptions
        {
            ParsingOptions = ScriptParsingOptions.Default with { AllowReturnOutsideFunction = true },
        });

    private JsEngine CreateEngine(IExpressionContext context, bool limited = true)
    {
        var engine = new JsEngine(o =>
        {
            if (limited) o.TimeoutInterval(_limits.JavaScriptTimeout);
            o.MaxStatements(_limits.JavaScriptMaxStatements);
            o.LimitMemory(_limits.JavaScriptMemoryLimitBytes);
            o.LimitRecursion(_limits.JavaScriptMaxRecursion);
            o.CancellationToken(context.CancellationToken);
        });
        engine.Evaluate(PreparedPrelude);
        engine.SetValue("__newGuid", new Func<string>(() => Guid.NewGuid().ToString()));
        engine.SetValue("__toBase64", new Func<string, string>(text => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text))));
        engine.SetValue("__fromBase64", new Func<string, string>(text => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(text))));

        engine.SetValue("getWorkflowInstanceId", new Func<JsValue>(() => context.WorkflowInstanceId));
        engine.SetValue("getCorrelationId", new Func<JsValue>(() => context.CorrelationId is null ? JsValue.Null : context.CorrelationId));
        engine.SetValue("getInput", new Func<string, JsValue>(name => ToJs(engine, Lookup(context.WorkflowInput, name))));
        engine.SetValue("getVariable", new Func<string, JsValue>(name => ToJs(engine, context.Variables.GetValueOrDefault(name))));
        engine.SetValue("setVariable", new Action<string, JsValue>((name, value) => context.SetVariable(name, ToNode(engine, value))));
        engine.SetValue("getOutputFrom", new Func<string, string, JsValue>((activity, output) =>
            ToJs(engine, context.GetActivityOutput(activity)?[output])));
        engine.SetValue("input", ToJs(engine, context.WorkflowInput));
        engine.SetValue("getWorkflowDefinitionId", new Func<JsValue>(() => context.WorkflowDefinitionId));
        engine.SetValue("setCorrelationId", new Action<JsValue>(value => context.SetCorrelationId(value.IsNull() || value.IsUndefined() ? null : value.ToString())));
        engine.SetValue("getLastResult", new Func<JsValue>(() => ToJs(engine, context.LastResult)));
        engine.Evaluate(PreparedFunctions);
        // Elsa's generated accessors: get<Input>() for each declared input, get<Output>From<Activity>() for each activity output.
        foreach (var name in context.InputNames)
            if (ScriptAccessors.IsIdentifier(name) && engine.GetValue(ScriptAccessors.InputGetter(name)).IsUndefined())
                engine.SetValue(ScriptAccessors.InputGetter(name), new Func<JsValue>(() => ToJs(engine, Lookup(context.WorkflowInput, name))));
        foreach (var (activity, outputs) in context.NamedActivityOutputs)
        {
            if (!ScriptAccessors.IsIdentifier(activity)) continue;
            foreach (var (output, value) in outputs)
            {
                if (!ScriptAccessors.IsIdentifier(output)) continue;
                var captured = value;
                engine.SetValue(ScriptAccessors.OutputGetter(output, activity), new Func<JsValue>(() => ToJs(engine, captured)));
            }
        }

        var variables = new JsonObject();
        foreach (var definition in context.VariableDefinitions)
        {
            var name = definition.Name;
            var value = context.Variables.GetValueOrDefault(name);
            variables[name] = value?.DeepClone();
            if (!ScriptAccessors.IsIdentifier(name)) continue;
            var getter = new Func<JsValue>(() => ToJs(engine, context.Variables.GetValueOrDefault(name)));
            var setter = new Action<JsValue>(v => context.SetVariable(name, ToNode(engine, v)));
            foreach (var get in ScriptAccessors.VariableGetters(name)) engine.SetValue(get, getter);
            foreach (var set in ScriptAccessors.VariableSetters(name)) engine.SetValue(set, setter);
            // Elsa 2 scripts read variables as globals.
            if (engine.GetValue(name).IsUndefined()) engine.SetValue(name, ToJs(engine, value));
        }
        engine.SetValue("variables", ToJs(engine, variables));
        return engine;
    }

    private static JsonNode? Lookup(JsonObject input, string name)
    {
        if (input.TryGetPropertyValue(name, out var exact)) return exact;
        return input.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    private static JsValue ToJs(JsEngine engine, JsonNode? node) => node switch
    {
        null => JsValue.Null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => new Jint.Native.Json.JsonParser(engine).Parse(node.ToJsonString()),
    };

    private static JsonNode? ToNode(JsEngine engine, JsValue value)
    {
        if (value.IsNull() || value.IsUndefined()) return null;
        var json = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
    }

    private static object? ToClr(JsEngine engine, JsValue value)
    {
        if (value.IsNull() || value.IsUndefined()) return null;
        if (value.IsString()) return value.AsString();
        if (value.IsBoolean()) return value.AsBoolean();
        if (value.IsNumber()) return value.AsNumber();
        return ToNode(engine, value);
    }
}
