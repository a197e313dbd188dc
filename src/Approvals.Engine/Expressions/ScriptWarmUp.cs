using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Approvals.Engine.Expressions;

/// <summary>
/// Warms the JavaScript engine as soon as the host has started, so the first request after a restart does not wait for it
/// (<see cref="JavaScriptEvaluator.EnsureWarm"/>); start-up itself is not delayed.
/// </summary>
internal sealed class ScriptWarmUp(
    IEnumerable<IExpressionEvaluator> evaluators, IHostApplicationLifetime lifetime, ILogger<ScriptWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(Warm, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Warm()
    {
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            foreach (var javaScript in evaluators.OfType<JavaScriptEvaluator>()) javaScript.EnsureWarm();
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            logger.LogInformation("JavaScript engine ready in {Milliseconds:F0} ms", elapsed.TotalMilliseconds);
        }
        catch (Exception ex)
        {
            // Only a head start: the first evaluation warms it again, and reports what goes wrong against its instance.
            logger.LogWarning(ex, "Warming the JavaScript engine failed");
        }
    }
}
