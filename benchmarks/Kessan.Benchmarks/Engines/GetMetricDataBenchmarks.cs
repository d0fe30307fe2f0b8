using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Kessan.Benchmarks.Hosting;
using Kessan.Console.Aws;
using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud;
using Kessan.LocalCloud.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kessan.Benchmarks.Engines;

/// <summary>Measurement 2: GetMetricData for 500 queries × 1,440 one-minute points (a day of 500 series) over real
/// HTTP, with the console's own client (<see cref="ICloudWatch"/>: serialize, sign, POST, parse) against a LocalCloud
/// whose store holds exactly that data. A call returns at most 100,800 datapoints, so the logical request is
/// <see cref="Pages"/> calls; <see cref="OneCall"/> is the first of them, <see cref="AllPages"/> all of them, and
/// <see cref="StoreOnly"/> the store's aggregation for all 500 queries without HTTP or JSON; <see cref="PageJsonWrite"/>
/// and <see cref="PageJsonRead"/> one page's JSON as LocalCloud writes it and the client reads it. The last three show
/// what dominates a call.</summary>
[Config(typeof(EngineConfig))]
public class GetMetricDataBenchmarks
{
    private const int Series = 500;
    private const int Minutes = 1440;
    private const string Namespace = "Kessan/Benchmark";
    private const int WarmUpRequests = 30;

    private WebApplication _localCloud = default!;
    private IHost _console = default!;
    private ICloudWatch _cloudWatch = default!;
    private MetricStore _store = default!;
    private GetMetricDataRequest _request = default!;
    private MetricSelection[] _selections = [];
    private readonly DatapointBuffer _buffer = new();
    private GetMetricDataResponse _firstPage = default!;
    private byte[] _firstPageJson = [];

    /// <summary>Whole numbers (counts, sums) or fractions (averages of latencies): the JSON writes and reads them
    /// differently.</summary>
    [Params(false, true)]
    public bool FractionalValues { get; set; }

    /// <summary>Calls one logical request takes; found in setup.</summary>
    public int Pages { get; private set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _localCloud = LocalCloudHost.Build(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalCloud:Url"] = "http://127.0.0.1:0",
            ["LocalCloud:Simulator:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        }).Build());
        await _localCloud.StartAsync();
        _store = _localCloud.Services.GetRequiredService<MetricStore>();

        var now = TimeProvider.System.GetUtcNow();
        var end = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var start = end.AddMinutes(-Minutes);
        Fill(start);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:Region"] = "ap-northeast-1",
            ["Aws:AccessKeyId"] = "local",
            ["Aws:SecretAccessKey"] = "local",
            ["Aws:CloudWatchEndpoint"] = _localCloud.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(),
        });
        builder.AddKessanAws();
        _console = builder.Build();
        _cloudWatch = _console.Services.GetRequiredService<ICloudWatch>();

        var metrics = Enumerable.Range(0, Series).Select(SeriesMetric).ToArray();
        _request = new GetMetricDataRequest
        {
            StartTime = start,
            EndTime = end,
            ScanBy = CloudWatchValues.TimestampAscending,
            MetricDataQueries = metrics.Select((metric, i) => new MetricDataQuery
            {
                Id = $"q{i}",
                MetricStat = new MetricStat { Metric = metric, Period = 60, Stat = "Average" },
            }).ToArray(),
        };
        Statistic.TryParse("Average", out var average);
        _selections = metrics.Select(metric => new MetricSelection(metric, average, 60, start, end)).ToArray();

        var datapoints = 0;
        await foreach (var page in _cloudWatch.GetMetricDataPagesAsync(_request))
        {
            Pages++;
            datapoints += (page.MetricDataResults ?? []).Sum(result => result.Values?.Count ?? 0);
        }

        // In process the code starts at tier 0 and is recompiled in the background once hot; on two busy cores that
        // takes seconds. Measured here: the console's steady state, once the JIT's tier 1 is in place.
        for (var i = 0; i < WarmUpRequests; i++)
        {
            await AllPages();
        }
        _firstPage = await _cloudWatch.GetMetricDataAsync(_request, CancellationToken.None);
        _firstPageJson = JsonSerializer.SerializeToUtf8Bytes(_firstPage, CloudWatchJsonContext.Default.GetMetricDataResponse);
        System.Console.WriteLine($"// One logical request: {Series} queries × {Minutes} points = {datapoints:N0} datapoints in {Pages} GetMetricData calls of at most 100,800; the first page's body is {_firstPageJson.Length / 1048576.0:0.0} MiB of JSON; {MachineLoad.Describe()}.");
    }

    [Benchmark(Description = "GetMetricData, one call (first page, 100,800 points)")]
    public Task<GetMetricDataResponse> OneCall() => _cloudWatch.GetMetricDataAsync(_request, CancellationToken.None);

    [Benchmark(Description = "GetMetricData, all pages (720,000 points)")]
    public async Task<int> AllPages()
    {
        var datapoints = 0;
        await foreach (var page in _cloudWatch.GetMetricDataPagesAsync(_request))
        {
            datapoints += (page.MetricDataResults ?? []).Sum(result => result.Values?.Count ?? 0);
        }
        return datapoints;
    }

    [Benchmark(Description = "MetricStore.Read only, 500 queries (no HTTP, no JSON)")]
    public int StoreOnly()
    {
        var datapoints = 0;
        foreach (var selection in _selections)
        {
            _store.Read(selection, _buffer);
            datapoints += _buffer.Count;
        }
        return datapoints;
    }

    [Benchmark(Description = "JSON of one page (100,800 points), written as LocalCloud does")]
    public Task PageJsonWrite() => JsonSerializer.SerializeAsync(Stream.Null, _firstPage, CloudWatchJsonContext.Default.GetMetricDataResponse);

    [Benchmark(Description = "JSON of one page (100,800 points), read as the client does")]
    public GetMetricDataResponse? PageJsonRead() => JsonSerializer.Deserialize(_firstPageJson, CloudWatchJsonContext.Default.GetMetricDataResponse);

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        _console.Dispose();
        await _localCloud.StopAsync();
        await _localCloud.DisposeAsync();
    }

    private void Fill(DateTimeOffset start)
    {
        var metrics = Enumerable.Range(0, Series).Select(SeriesMetric).ToArray();
        for (var minute = 0; minute < Minutes; minute++)
        {
            var at = start.AddMinutes(minute);
            _store.Put(Namespace, metrics.Select((metric, i) => new MetricDatum
            {
                MetricName = metric.MetricName!,
                Dimensions = metric.Dimensions,
                Timestamp = at,
                Value = 100 + (i * 7 + minute) % 50 + (FractionalValues ? ((i * 13 + minute) % 997) / 997.0 : 0),
                Unit = "Milliseconds",
            }).ToArray());
        }
    }

    private static Metric SeriesMetric(int index) => new()
    {
        Namespace = Namespace,
        MetricName = "Latency",
        Dimensions = [new Dimension("Series", $"s{index:000}")],
    };
}
