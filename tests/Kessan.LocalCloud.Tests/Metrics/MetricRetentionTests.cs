using Kessan.Console.Aws.CloudWatch;
using static Kessan.LocalCloud.Tests.Metrics.MetricEngine;

namespace Kessan.LocalCloud.Tests.Metrics;

public sealed class MetricRetentionTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(30);
    private readonly MetricEngine _engine = new(Retention);

    [Fact]
    public void Minutes_older_than_the_retention_are_no_longer_returned()
    {
        var now = _engine.Clock.GetUtcNow();
        _engine.Put(Datum.Value("Requests", 1, now.AddMinutes(-10)), Datum.Value("Requests", 2, now.AddMinutes(-1)));

        _engine.Clock.Advance(Retention - TimeSpan.FromMinutes(5));

        Assert.Equal([(now.AddMinutes(-1), 2.0)], _engine.Points(Query.Stat("Requests", "Sum"), from: now.AddHours(-1), to: now.AddHours(1)));
    }

    [Fact]
    public void Data_already_older_than_the_retention_is_not_stored()
    {
        var now = _engine.Clock.GetUtcNow();
        _engine.Put(Datum.Value("Requests", 1, now - Retention - TimeSpan.FromMinutes(1)));

        Assert.Empty(_engine.Points(Query.Stat("Requests", "Sum"), from: now.AddHours(-1), to: now));
    }

    [Fact]
    public void Trimming_forgets_metrics_with_nothing_left_inside_the_retention()
    {
        _engine.Put(Datum.Value("Requests", 1, _engine.Clock.GetUtcNow()));
        _engine.Clock.Advance(Retention + TimeSpan.FromHours(1));

        _engine.Store.Trim();

        Assert.Null(_engine.Store.Measure(Metric("Requests")));
    }

    [Fact]
    public void A_series_written_every_minute_for_a_day_holds_only_about_its_retention()
    {
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            _engine.Put(Datum.Value("Requests", minute, _engine.Clock.GetUtcNow()));
            _engine.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        // The ring covers the retention rounded up to hours, the current hour and two hours ahead.
        var bound = (int)(Math.Ceiling(Retention.TotalHours) + 3) * 60;
        Assert.InRange(_engine.Store.Measure(Metric("Requests"))!.MinutesHeld, Retention.TotalMinutes, bound);
    }

    [Fact]
    public void A_minute_keeps_a_bounded_number_of_distinct_values_and_close_percentiles()
    {
        var at = _engine.Clock.GetUtcNow();
        var values = Enumerable.Range(1, 15_000).Select(value => (double)value).OrderBy(value => value * 7919 % 15_000).ToArray();

        _engine.Put(values.Chunk(150).Select(chunk => Datum.Values("Latency", chunk, null, at)).ToArray());

        Assert.InRange(_engine.Store.Measure(Metric("Latency"))!.LargestDistribution, 1, 160);
        var window = (from: at.AddMinutes(-1), to: at.AddMinutes(1));
        Assert.Equal([(at, 15_000.0)], _engine.Points(Query.Stat("Latency", "SampleCount"), window.from, window.to));
        var p90 = Assert.Single(_engine.Points(Query.Stat("Latency", "p90"), window.from, window.to)).Value;
        Assert.InRange(p90, 13_500 * 0.98, 13_500 * 1.02);
    }

    private static Metric Metric(string name) => new() { Namespace = Namespace, MetricName = name };
}
