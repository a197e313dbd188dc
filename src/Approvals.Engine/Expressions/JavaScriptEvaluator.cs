using System.Collections.Concurrent;
using Approvals.Engine.Models;
using Approvals.Engine.Options;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;
using Microsoft.Extensions.Options;

namespace Approvals.Engine.Expressions;

/// <summary>
/// JavaScript on Jint, sandboxed: no CLR access (only JSON values cross the boundary), with time, statement, memory and
/// recursion limits, a new engine per evaluation with Elsa's globals (<see cref="ScriptGlobals"/>), and a body that may end
/// in <c>return</c>.
/// </summary>
internal sealed class JavaScriptEvaluator(IOptions<ScriptingOptions> options) : IExpressionEvaluator
{
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
            throw new ExpressionFaultException(
                $"JavaScript ran longer than {_limits.JavaScriptTimeout.TotalMilliseconds:0} ms and was stopped.", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new ExpressionFaultException(
                $"JavaScript ran more than {_limits.JavaScriptMaxStatements} statements and was stopped.", ex);
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
            throw new ExpressionFaultException(
                $"JavaScript error: {ex.Error} (line {ex.Location.Start.Line}, column {ex.Location.Start.Column + 1})", ex);
        }
        catch (Exception ex) when (ex is not ExpressionFaultException)
        {
            throw new ExpressionFaultException($"JavaScript failed: {ex.Message}", ex);
        }
        return ValueTask.FromResult(ValueConverter.Convert(ScriptValues.ToClr(engine, result), targetType));
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

    /// <summary>
    /// Functions a script calls by bare name that it does not declare itself (for validation); null when it does not parse.
    /// </summary>
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
        "parseInt", "parseFloat", "isNaN", "isFinite", "String", "Number", "Boolean", "Array", "Object", "Date",
        "RegExp", "Error", "TypeError",
        "RangeError", "Symbol", "BigInt", "Map", "Set", "WeakMap", "WeakSet", "Promise", "encodeURIComponent",
        "decodeURIComponent", "encodeURI",
        "decodeURI", "escape", "unescape", "eval",
        "getWorkflowInstanceId", "getWorkflowDefinitionId", "getCorrelationId", "setCorrelationId", "getInput",
        "getVariable", "setVariable",
        "getOutputFrom", "getLastResult", "isNullOrEmpty", "isNullOrWhiteSpace", "toJson", "newGuid", "newGuidString", "newShortGuid",
        "bytesToString", "stringToBytes", "bytesFromBase64", "bytesToBase64", "stringFromBase64", "stringToBase64",
        "parseGuid", "jsonParse",
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
        return ScriptValues.ToClr(engine, engine.Evaluate(_scripts.GetOrAdd(ScriptWarmUpContext.Script, Prepare)));
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
        ScriptGlobals.Define(engine, context);
        return engine;
    }
}
