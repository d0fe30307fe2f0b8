using Kessan.Console.Aws;
using Kessan.Console.Core.Dashboards;
using Kessan.Console.Core.Time;
using Kessan.Console.Features.Dashboards;
using Kessan.Console.Features.Dashboards.Refresh;
using Kessan.Console.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kessan.Console.Tests.Dashboards;

public sealed class MetricRefresherTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 5, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly ScriptedCloudWatch _cloudWatch;
    private readonly TestMeterFactory _meters = new();
    private readonly MetricRefresher _refresher;

    public MetricRefresherTests()
    {
        _cloudWatch = new ScriptedCloudWatch(_clock);
        _refresher = new MetricRefresher(_cloudWatch, _clock, Options.Create(new DashboardOptions()), _meters, NullLogger<MetricRefresher>.Instance);
    }

    [Fact]
    public async Task Hundred_viewers_of_one_series_cost_one_GetMetricData_call()
    {
        var viewers = Enumerable.Range(0, 100).Select(_ => new Viewer()).ToArray();
        foreach (var viewer in viewers)
        {
            _refresher.Subscribe(Key("CPUUtilization"), TimeSpan.FromSeconds(10), viewer.Receive);
        }

        await _refresher.RefreshDueAsync(CancellationToken.None);

        Assert.Single(_cloudWatch.GetMetricDataCalls);
        Assert.All(viewers, v => Assert.Equal(36, v.Latest!.Points.Count));
    }

    [Fact]
    public async Task Distinct_series_are_batched_up_to_500_queries_a_call()
    {
        for (var i = 0; i < 501; i++)
        {
            _refresher.Subscribe(Key($"Metric{i}"), refresh: null, _ => { });
        }

        await _refresher.RefreshDueAsync(CancellationToken.None);

        Assert.Equal([500, 1], _cloudWatch.GetMetricDataCalls.Select(c => c.MetricDataQueries.Count));
    }

    [Fact]
    public async Task A_refresh_asks_only_for_the_newest_period_and_appends_it()
    {
        var viewer = new Viewer();
        _refresher.Subscribe(Key("CPUUtilization"), TimeSpan.FromSeconds(10), viewer.Receive);
        await _refresher.RefreshDueAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(5));

        await _refresher.RefreshDueAsync(CancellationToken.None);

        var second = _cloudWatch.GetMetricDataCalls.Last();
        Assert.Equal(Start, second.StartTime);
        Assert.False(viewer.Latest!.Replace);
        Assert.Equal([Start], viewer.Latest.Points.Select(p => p.Timestamp));
    }

    [Fact]
    public async Task Points_that_leave_a_relative_window_are_dropped()
    {
        var viewer = new Viewer();
        _refresher.Subscribe(Key("CPUUtilization"), TimeSpan.FromMinutes(5), viewer.Receive);
        await _refresher.RefreshDueAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(10));

        await _refresher.RefreshDueAsync(CancellationToken.None);

        Assert.Equal(Start - TimeSpan.FromHours(3) + TimeSpan.FromMinutes(10), viewer.Latest!.WindowStart);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_data_and_says_since_when_it_is_stale()
    {
        var viewer = new Viewer();
        _refresher.Subscribe(Key("CPUUtilization"), TimeSpan.FromSeconds(10), viewer.Receive);
        await _refresher.RefreshDueAsync(CancellationToken.None);
        _cloudWatch.FailWith = Throttling();
        _clock.Advance(TimeSpan.FromSeconds(10));
        var failedAt = _clock.GetUtcNow();

        await _refresher.RefreshDueAsync(CancellationToken.None);
        var late = new Viewer();
        _refresher.Subscribe(Key("CPUUtilization"), TimeSpan.FromSeconds(10), late.Receive);

        Assert.Equal(failedAt, viewer.Latest!.Stale!.Since);
        Assert.Contains("throttling", viewer.Latest.Stale.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(36, late.Latest!.Points.Count);
    }

    [Fact]
    public async Task Refreshing_recovers_on_its_own_when_the_endpoint_answers_again()
    {
        var viewer = new Viewer();
        _cloudWatch.FailWith = Throttling();
        _refresher.Subscribe(Key("CPUUtilization"), TimeSpan.FromSeconds(10), viewer.Receive);
        await _refresher.RefreshDueAsync(CancellationToken.None);
        _cloudWatch.FailWith = null;
        _clock.Advance(TimeSpan.FromMinutes(1));

        await _refresher.RefreshDueAsync(CancellationToken.None);

        Assert.Null(viewer.Latest!.Stale);
        Assert.True(viewer.Latest.Replace);
        Assert.NotEmpty(viewer.Latest.Points);
    }

    [Fact]
    public async Task A_new_viewer_of_a_loaded_series_gets_it_without_another_call()
    {
        _refresher.Subscribe(Key("CPUUtilization"), refresh: null, _ => { });
        await _refresher.RefreshDueAsync(CancellationToken.None);
        var late = new Viewer();

        _refresher.Subscribe(Key("CPUUtilization"), refresh: null, late.Receive);
        await _refresher.RefreshDueAsync(CancellationToken.None);

        Assert.Single(_cloudWatch.GetMetricDataCalls);
        Assert.True(late.Latest!.Replace);
        Assert.Equal(36, late.Latest.Points.Count);
    }

    [Fact]
    public async Task When_the_last_viewer_leaves_the_series_is_no_longer_fetched()
    {
        var subscription = _refresher.Subscribe(Key("CPUUtilization"), TimeSpan.FromSeconds(10), _ => { });
        await _refresher.RefreshDueAsync(CancellationToken.None);

        subscription.Dispose();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _refresher.RefreshDueAsync(CancellationToken.None);

        Assert.Equal(0, _refresher.ActiveSeries);
        Assert.Single(_cloudWatch.GetMetricDataCalls);
    }

    [Fact]
    public async Task A_range_in_the_past_is_fetched_once_even_with_refresh_on()
    {
        var past = new TimeRange(TimeExpression.At(Start.AddHours(-6)), TimeExpression.At(Start.AddHours(-5)));
        _refresher.Subscribe(Key("CPUUtilization", past), TimeSpan.FromSeconds(10), _ => { });
        await _refresher.RefreshDueAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await _refresher.RefreshDueAsync(CancellationToken.None);

        Assert.Single(_cloudWatch.GetMetricDataCalls);
    }

    private static MetricKey Key(string metricName, TimeRange? range = null) =>
        new(new MetricQuery("AWS/ECS", metricName, [new MetricDimension("ServiceName", "kessan-api-service")], "Average", 300), range ?? TimeRange.Default);

    private static AwsServiceException Throttling() =>
        new(AwsService.CloudWatch, "GetMetricData", "Throttling", "Rate exceeded", System.Net.HttpStatusCode.BadRequest, "req-1");

    public void Dispose() => _meters.Dispose();

    private sealed class Viewer
    {
        public SeriesUpdate? Latest { get; private set; }

        public void Receive(SeriesUpdate update) => Latest = update;
    }
}
