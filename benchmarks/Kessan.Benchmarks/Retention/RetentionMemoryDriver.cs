using System.Globalization;
using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud;
using Kessan.LocalCloud.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kessan.Benchmarks.Retention;

/// <summary>Measurement 3: LocalCloud's memory over days of simulated traffic. A real LocalCloud host (store,
/// traffic simulator, retention service) runs on a fake clock that the driver moves on one minute at a time, each
/// time waiting until the simulator has published that minute. Every simulated hour it trims, collects fully and
/// records the GC heap. Starts empty (no back-fill), so the curve shows the growth up to the retention and what
/// follows it.</summary>
internal static class RetentionMemoryDriver
{
    public const string Command = "retention-memory";

    private static readonly DateTimeOffset Start = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    // The simulator's last datum of a slice: once it is stored, the whole slice is.
    private static readonly Metric LastOfSlice = new()
    {
        Namespace = "AWS/ElastiCache",
        MetricName = "CacheHits",
        Dimensions = [new Dimension("CacheClusterId", "kessan-redis-local")],
    };

    private static readonly (TimeSpan Retention, int Days)[] Runs = [(TimeSpan.FromDays(1), 4), (TimeSpan.FromDays(3), 7)];

    public static async Task RunAsync()
    {
        foreach (var (retention, days) in Runs)
        {
            var samples = await MeasureAsync(retention, days);
            Print(retention, days, samples);
        }
    }

    private static async Task<List<HeapSample>> MeasureAsync(TimeSpan retention, int days)
    {
        // A stopped host's last background continuations still reach its store for a moment; let them finish so
        // each curve starts from an empty heap rather than the previous run's.
        await Task.Delay(SettleTime);
        var clock = new FakeTimeProvider(Start);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalCloud:Url"] = "http://127.0.0.1:0",
            ["LocalCloud:Retention"] = retention.ToString("c", CultureInfo.InvariantCulture),
            ["LocalCloud:Simulator:Backfill"] = "00:00:00",
            ["Logging:LogLevel:Default"] = "Error",
        }).Build();
        await using var localCloud = LocalCloudHost.Build(configuration, clock);
        await localCloud.StartAsync();
        var store = localCloud.Services.GetRequiredService<MetricStore>();
        var buffer = new DatapointBuffer();
        Statistic.TryParse("SampleCount", out var sampleCount);

        List<HeapSample> samples = [Sample(0, store)];
        var started = TimeProvider.System.GetTimestamp();
        for (var minute = 1; minute <= days * 24 * 60; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var now = clock.GetUtcNow();
            var lastSlice = new MetricSelection(LastOfSlice, sampleCount, 60, now.AddMinutes(-1), now);
            if (!SpinWait.SpinUntil(() => { store.Read(lastSlice, buffer); return buffer.Count > 0; }, PublishTimeout))
            {
                throw new TimeoutException($"The simulator did not publish the minute before {now:O} within {PublishTimeout.TotalSeconds:0} s.");
            }
            if (minute % 60 == 0)
            {
                // The retention service trims on its own minute tick, which may not have run yet for this minute.
                store.Trim();
                samples.Add(Sample(minute / 60, store));
            }
        }
        System.Console.WriteLine($"Retention {retention.TotalDays:0} d: {days} simulated days in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:0} s.");
        await localCloud.StopAsync();
        return samples;
    }

    private static HeapSample Sample(int hour, MetricStore store)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var series = store.List(new MetricFilter(), after: null, pageSize: int.MaxValue).Metrics.Count;
        return new HeapSample(hour, GC.GetTotalMemory(forceFullCollection: false), series);
    }

    private static void Print(TimeSpan retention, int days, List<HeapSample> samples)
    {
        var reached = (int)retention.TotalHours;
        var plateau = samples.Where(s => s.Hour > reached).ToList();
        System.Console.WriteLine();
        System.Console.WriteLine($"LocalCloud GC heap after a full collection, retention {retention.TotalDays:0} d, {days} simulated days from empty:");
        System.Console.WriteLine("| simulated hour | GC heap (MiB) | series |");
        System.Console.WriteLine("|---:|---:|---:|");
        foreach (var sample in samples.Where(s => s.Hour % 12 == 0))
        {
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {sample.Hour} | {sample.Heap / 1048576.0:0.0} | {sample.Series} |"));
        }
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Once the retention is reached (hours {reached + 1}..{samples[^1].Hour}): min {plateau.Min(s => s.Heap) / 1048576.0:0.0} MiB, max {plateau.Max(s => s.Heap) / 1048576.0:0.0} MiB over {plateau.Count} hourly samples."));
        System.Console.WriteLine("Every hour: " + string.Join(" ", samples.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Heap / 1048576.0:0.0}"))));
    }

    private sealed record HeapSample(int Hour, long Heap, int Series);
}
