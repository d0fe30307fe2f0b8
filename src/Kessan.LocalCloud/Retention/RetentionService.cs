using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kessan.LocalCloud.Retention;

/// <summary>A store that keeps data for a retention period and can drop what has passed it.</summary>
public interface IRetainedStore
{
    /// <summary>Drops data older than the retention, so memory stays flat on a long run.</summary>
    void Trim();
}

/// <summary>Trims every retained store (metrics, logs) once a minute on the injected clock, so data nobody writes any
/// more still gives its memory back once it is past the retention.</summary>
internal sealed class RetentionService(IEnumerable<IRetainedStore> stores, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var store in stores)
                {
                    store.Trim();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}

public static class RetentionRegistration
{
    /// <summary>Has the store (registered as a singleton) trimmed once a minute.</summary>
    public static IServiceCollection AddRetention<TStore>(this IServiceCollection services)
        where TStore : class, IRetainedStore
    {
        services.AddSingleton<IRetainedStore>(provider => provider.GetRequiredService<TStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RetentionService>());
        return services;
    }
}
