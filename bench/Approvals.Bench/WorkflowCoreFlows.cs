using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Approvals.Bench;

/// <summary>The same ten sequential steps on WorkflowCore 3.22 with its in-memory persistence, for comparison in one run.</summary>
internal static class WorkflowCoreFlows
{
    /// <summary>Microseconds per completed ten-step workflow, over <paramref name="runs"/> workflows started and run to the end.</summary>
    public static async Task<double> TenStepsAsync(int runs)
    {
        var services = new ServiceCollection().AddLogging().AddWorkflow().BuildServiceProvider();
        var host = services.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<TenSteps>();
        await host.StartAsync(CancellationToken.None);
        try
        {
            await RunAsync(host, runs / 10);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await RunAsync(host, runs);
            return watch.Elapsed.TotalMicroseconds / runs;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            await services.DisposeAsync();
        }
    }

    private static async Task RunAsync(IWorkflowHost host, int runs)
    {
        LastStep.Reset(runs);
        for (var i = 0; i < runs; i++) await host.StartWorkflow("ten-steps");
        await LastStep.AllDone.Task.WaitAsync(TimeSpan.FromMinutes(5));
    }

    private sealed class TenSteps : IWorkflow
    {
        public string Id => "ten-steps";
        public int Version => 1;

        public void Build(IWorkflowBuilder<object> builder)
        {
            var step = builder.StartWith<Step>();
            for (var i = 1; i < 9; i++) step = step.Then<Step>();
            step.Then<LastStep>();
        }
    }

    private sealed class Step : StepBody
    {
        public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
    }

    private sealed class LastStep : StepBody
    {
        private static int _left;
        public static TaskCompletionSource AllDone { get; private set; } = new();

        public static void Reset(int runs)
        {
            _left = runs;
            AllDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public override ExecutionResult Run(IStepExecutionContext context)
        {
            if (Interlocked.Decrement(ref _left) == 0) AllDone.TrySetResult();
            return ExecutionResult.Next();
        }
    }
}
