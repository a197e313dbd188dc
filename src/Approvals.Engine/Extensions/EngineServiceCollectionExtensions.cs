using Approvals.Engine.Activities;
using Approvals.Engine.Contracts;
using Approvals.Engine.Definitions;
using Approvals.Engine.Descriptors;
using Approvals.Engine.Execution;
using Approvals.Engine.Expressions;
using Approvals.Engine.Instances;
using Approvals.Engine.Options;
using Approvals.Engine.Persistence;
using Approvals.Engine.Runtime;
using Approvals.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Approvals.Engine.Extensions;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the workflow engine: built-in Elsa activities, expressions, validation, definitions, the durable
    /// runtime and the due-timer poller. Add activity types of your own with <paramref name="activities"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, Action<EngineOptions>? configure = null,
        Action<ActivityRegistry>? activities = null)
    {
        if (configure is not null) services.Configure(configure);
        else services.AddOptions<EngineOptions>();
        services.AddOptions<ScriptingOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ =>
        {
            var registry = new ActivityRegistry().AddBuiltIns();
            activities?.Invoke(registry);
            return registry;
        });
        services.AddSingleton<IExpressionEvaluator, LiteralEvaluator>();
        services.AddSingleton<IExpressionEvaluator, ObjectEvaluator>();
        services.AddSingleton<IExpressionEvaluator, VariableEvaluator>();
        services.AddSingleton<IExpressionEvaluator, JavaScriptEvaluator>();
        services.AddSingleton<IExpressionEvaluator, LiquidEvaluator>();
        services.AddSingleton<ExpressionEvaluator>();
        services.AddSingleton<WorkflowValidator>();
        services.AddSingleton<WorkflowCompiler>();
        services.AddSingleton<WorkflowExecutor>();
        services.AddSingleton<WorkflowDbContextFactory>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<WorkflowDefinitionStore>();
        services.AddSingleton<WorkflowDefinitionSearch>();
        services.AddSingleton<WorkflowInstanceStore>();
        services.AddSingleton<WorkflowExecutionLogStore>();
        services.AddSingleton<ActivityExecutionStore>();
        services.AddSingleton<InstanceLocks>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<EngineMessages>();
        services.AddSingleton<WorkflowTriggers>();
        services.TryAddSingleton<Activities.Http.OutgoingHttp>();
        services.AddSingleton<LeaseClaims>();
        services.TryAddSingleton<IOutboxDispatcher, NullOutboxDispatcher>();
        services.TryAddSingleton<IWorkflowTextWriter, LoggingWorkflowTextWriter>();
        services.AddHostedService<DueTimerPoller>();
        services.AddHostedService<Expressions.ScriptWarmUp>();
        return services;
    }
}
