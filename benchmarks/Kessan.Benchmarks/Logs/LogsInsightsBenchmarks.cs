using BenchmarkDotNet.Attributes;
using Kessan.Console.Core.Logs;
using Kessan.LocalCloud;
using Kessan.LocalCloud.Logs.Insights;
using Kessan.LocalCloud.Logs.Storage;
using Kessan.LocalCloud.Simulator.Projections;
using Kessan.LocalCloud.Simulator.Traffic;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kessan.Benchmarks.Logs;

/// <summary>The Logs Insights engine scanning 1,000,000 simulated structlog events with each of the console's saved
/// queries. Each operation is one event scanned (OperationsPerInvoke), so the mean is the time per event and
/// 1 s / mean the scan rate; the target is at least 1,000,000 events per second. Setup also prints what the
/// stored events weigh.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class LogsInsightsBenchmarks
{
    public const int Events = 1_000_000;

    private static readonly DateTimeOffset End = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private LogStore _store = null!;
    private List<ScannedGroup> _groups = null!;
    private long _from;
    private long _to;

    [ParamsSource(nameof(Queries))]
    public string Query { get; set; } = "";

    public static IEnumerable<string> Queries => SeedQueries.All.Select(query => query.Id);

    [GlobalSetup]
    public void Fill()
    {
        var clock = new FakeTimeProvider(End);
        var options = Options.Create(new LocalCloudOptions { Logs = new LogsOptions { Retention = TimeSpan.FromDays(15) } });
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _store = new LogStore(options, clock);
        var model = new TrafficModel(42);
        var stored = 0;
        var slice = End.AddDays(-14);
        while (stored < Events)
        {
            var sample = model.Sample(slice, TimeSpan.FromMinutes(1), []);
            foreach (var batch in LogProjection.Project(sample, "benchmark", 42))
            {
                var events = batch.Events.Take(Events - stored).ToList();
                _store.Put(batch.LogGroupName, batch.LogStreamName, events);
                stored += events.Count;
            }

            slice = slice.AddMinutes(1);
        }

        var group = _store.Find(LogProjection.LogGroupName("benchmark"))!;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var messageBytes = group.StoredBytes;
        System.Console.WriteLine(
            $"// Stored {stored:N0} events: {(after - before) / 1048576.0:N0} MiB on the heap ({(after - before) / (double)stored:N0} bytes an event), of which messages {messageBytes / 1048576.0:N0} MiB");
        _groups = [new ScannedGroup(group, _store.LogIdentifier(group))];
        _from = End.AddDays(-14).ToUnixTimeMilliseconds();
        _to = End.ToUnixTimeMilliseconds();
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<int> Scan()
    {
        var plan = QueryCompiler.Compile(SeedQueries.Find(Query)!.QueryString, requestLimit: null);
        var rows = 0;
        await new QueryExecution(plan, _groups, _from, _to).RunAsync(
            _store, chunkSize: 16_384, report => rows = report.Results.Count, _ => ValueTask.CompletedTask, CancellationToken.None);
        return rows;
    }
}
