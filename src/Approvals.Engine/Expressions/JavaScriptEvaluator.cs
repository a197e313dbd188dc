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

    private static Prepared<Acornima.Ast.Script> Prepare(string code) =>
        JsEngine.PrepareScript(code, options: new ScriptPreparationOptions
        {
            ParsingOptions = ScriptParsingOptions.Default with { AllowReturnOutsideFunction = true },
        });

    private JsEngine CreateEngine(IExpressionContext context)
    {
        var engine = new JsEngine(o =>
        {
            o.TimeoutInterval(_limits.JavaScriptTimeout);
            o.MaxStatements(_limits.JavaScriptMaxStatements);
            o.LimitMemory(_limits.JavaScriptMemoryLimitBytes);
            o.LimitRecursion(_limits.JavaScriptMaxRecursion);
            o.CancellationToken(context.CancellationToken);
        });
        engine.Evaluate(PreparedPrelude);

        engine.SetValue("getWorkflowInstanceId", new Func<JsValue>(() => context.WorkflowInstanceId));
        engine.SetValue("getCorrelationId", new Func<JsValue>(() => context.CorrelationId is null ? JsValue.Null : context.CorrelationId));
        engine.SetValue("getInput", new Func<string, JsValue>(name => ToJs(engine, Lookup(context.WorkflowInput, name))));
        engine.SetValue("getVariable", new Func<string, JsValue>(name => ToJs(engine, context.Variables.GetValueOrDefault(name))));
        engine.SetValue("setVariable", new Action<string, JsValue>((name, value) => context.SetVariable(name, ToNode(engine, value))));
        engine.SetValue("getOutputFrom", new Func<string, string, JsValue>((activity, output) =>
            ToJs(engine, context.GetActivityOutput(activity)?[output])));
        engine.SetValue("input", ToJs(engine, context.WorkflowInput));

        var variables = new JsonObject();
        foreach (var definition in context.VariableDefinitions)
        {
            var name = definition.Name;
            var value = context.Variables.GetValueOrDefault(name);
            variables[name] = value?.DeepClone();
            if (!IsIdentifier(name)) continue;
            var pascal = char.ToUpperInvariant(name[0]) + name[1..];
            var getter = new Func<JsValue>(() => ToJs(engine, context.Variables.GetValueOrDefault(name)));
            var setter = new Action<JsValue>(v => context.SetVariable(name, ToNode(engine, v)));
            engine.SetValue("get" + pascal, getter);
            engine.SetValue("set" + pascal, setter);
            if (pascal != name)
            {
                engine.SetValue("get" + name, getter);
                engine.SetValue("set" + name, setter);
            }
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

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_' || name[0] == '$') && name.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '$');

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
