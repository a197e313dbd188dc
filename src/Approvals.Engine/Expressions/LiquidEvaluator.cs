using System.Collections.Concurrent;
using Approvals.Engine.Models;
using Approvals.Engine.Options;
using Fluid;
using Microsoft.Extensions.Options;

namespace Approvals.Engine.Expressions;

/// <summary>
/// Liquid templates on Fluid, with <c>Variables</c>, <c>Input</c>, <c>WorkflowInstanceId</c> and <c>CorrelationId</c> in scope.
/// </summary>
internal sealed class LiquidEvaluator : IExpressionEvaluator
{
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, (IFluidTemplate? Template, string? Error)> _templates = new(StringComparer.Ordinal);
    private readonly TemplateOptions _templateOptions;

    public LiquidEvaluator(IOptions<ScriptingOptions> options, IServiceProvider services)
    {
        _templateOptions = new TemplateOptions { MaxSteps = options.Value.LiquidMaxSteps, MaxRecursion = 64 };
        // Elsa 2's {{ "Child" | workflow_definition_id: "name" }}: the definition id of the published workflow with that name.
        _templateOptions.Filters.AddFilter("workflow_definition_id", async (input, _, _) =>
        {
            var name = input.ToStringValue();
            var store = (Definitions.WorkflowDefinitionStore)services.GetService(typeof(Definitions.WorkflowDefinitionStore))!;
            var found = (await store.ListPublishedAsync()).FirstOrDefault(d => string.Equals(d.Name, name,
                StringComparison.OrdinalIgnoreCase));
            return new Fluid.Values.StringValue(found?.DefinitionId ?? name);
        });
    }

    public string Syntax => WorkflowExpression.Liquid;

    public async ValueTask<object?> EvaluateAsync(WorkflowExpression expression, Type targetType, IExpressionContext context)
    {
        var (template, error) = Parse(expression.Text ?? "");
        if (template is null) throw new ExpressionFaultException($"Liquid does not parse: {error}");
        var scope = new TemplateContext(_templateOptions);
        scope.SetValue("Variables", context.Variables.ToDictionary(v => v.Key, v => ValueConverter.ToPlain(v.Value)));
        scope.SetValue("Input", ValueConverter.ToPlain(context.WorkflowInput));
        scope.SetValue("WorkflowInstanceId", context.WorkflowInstanceId);
        scope.SetValue("CorrelationId", context.CorrelationId ?? "");
        string text;
        try
        {
            text = await template.RenderAsync(scope);
        }
        catch (Exception ex)
        {
            throw new ExpressionFaultException($"Liquid failed: {ex.Message}", ex);
        }
        return ValueConverter.Convert(text, targetType);
    }

    public string? Validate(WorkflowExpression expression) => Parse(expression.Text ?? "").Error is { } error
        ? $"Liquid does not parse: {error}" : null;

    private (IFluidTemplate? Template, string? Error) Parse(string text) =>
        _templates.GetOrAdd(text, t => Parser.TryParse(t, out var template, out var error) ? (template, null) : (null, error));
}
