namespace Kessan.LocalCloud.Metrics;

/// <summary>Trims the metric store every minute on the injected clock, so series that stopped receiving data
/// give their memory back once it is past the retention.</summary>
internal sealed class MetricRetentionService(MetricStore store, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                store.Trim();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
