using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Shared;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kessan.Console.Features.Health;

/// <summary>Ready when the CloudWatch endpoint answers a cheap call within a few seconds.</summary>
public sealed class CloudWatchReadinessCheck(ICloudWatch cloudWatch, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var started = clock.GetTimestamp();
        try
        {
            await cloudWatch.ListDashboardsAsync(new ListDashboardsRequest(), timeout.Token);
            return HealthCheckResult.Healthy($"CloudWatch answered in {clock.GetElapsedTime(started).TotalMilliseconds:0} ms");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"CloudWatch did not answer within {Timeout.TotalSeconds:0} s");
        }
        catch (Exception exception) when (FailureReason.IsExpected(exception))
        {
            return HealthCheckResult.Unhealthy(FailureReason.Describe(exception));
        }
    }
}
