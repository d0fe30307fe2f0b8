using System.Text.Json;
using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Simulator.Traffic;

namespace Kessan.LocalCloud.Tests.Simulator;

public sealed class TrafficModelTests
{
    private static readonly DateTimeOffset Morning = SimulatedTraffic.Wednesday.AddHours(10);

    [Fact]
    public void A_slice_is_the_same_whenever_and_however_often_it_is_asked_for()
    {
        var first = Json(new SimulatedTraffic().Published(Morning, Morning.AddMinutes(1)));
        _ = new SimulatedTraffic().Published(Morning.AddHours(-5), Morning.AddHours(3)).ToList();
        var again = Json(new SimulatedTraffic().Published(Morning, Morning.AddMinutes(1)));

        Assert.Equal(first, again);
    }

    [Fact]
    public void Different_seeds_give_different_traffic()
    {
        var one = Json(new SimulatedTraffic().WithSeed(1).Published(Morning, Morning.AddMinutes(1)));
        var other = Json(new SimulatedTraffic().WithSeed(2).Published(Morning, Morning.AddMinutes(1)));

        Assert.NotEqual(one, other);
    }

    [Theory]
    [InlineData(10, 3, 2.0)] // market hours against the night
    [InlineData(8, 6, 1.5)] // the hour before the 09:00 open against early morning
    [InlineData(21, 17, 1.3)] // the evening peak against the late afternoon
    public void A_weekday_hour_carries_more_traffic_than_a_quieter_one(int busyHour, int quietHour, double atLeast)
    {
        var busy = RequestCount(SimulatedTraffic.Wednesday.AddHours(busyHour), TimeSpan.FromHours(1));
        var quiet = RequestCount(SimulatedTraffic.Wednesday.AddHours(quietHour), TimeSpan.FromHours(1));

        Assert.True(busy > atLeast * quiet, $"{busyHour}:00 had {busy} requests, {quietHour}:00 had {quiet}");
    }

    [Fact]
    public void Weekends_are_lighter_than_weekdays()
    {
        var weekday = RequestCount(SimulatedTraffic.Wednesday, TimeSpan.FromDays(1));
        var sunday = RequestCount(SimulatedTraffic.Sunday, TimeSpan.FromDays(1));

        Assert.True(sunday < 0.7 * weekday, $"Sunday {sunday} requests, Wednesday {weekday}");
    }

    [Fact]
    public void Each_successful_analysis_request_made_one_analysis_at_the_same_instant()
    {
        var sample = new TrafficModel(42).Sample(Morning, TimeSpan.FromHours(1), []);

        var generated = sample.Requests
            .Where(r => r.Endpoint == KessanBackend.AnalysisGeneration && r.StatusCode < 400)
            .Select(r => (r.Offset, r.Ticker, r.UserId));
        Assert.Equal(generated, sample.Analyses.Select(a => (a.Offset, (string?)a.Ticker, a.UserId)));
    }

    [Fact]
    public void Requests_are_in_time_order_within_their_slice()
    {
        var sample = new TrafficModel(42).Sample(Morning, TimeSpan.FromMinutes(1), []);

        Assert.All(sample.Requests, r => Assert.InRange(r.Offset, TimeSpan.Zero, TimeSpan.FromMinutes(1)));
        Assert.Equal(sample.Requests.OrderBy(r => r.Offset).Select(r => r.Offset), sample.Requests.Select(r => r.Offset));
    }

    private static double RequestCount(DateTimeOffset from, TimeSpan span) =>
        new SimulatedTraffic().Samples(from, from + span).Sum(s => s.Requests.Count);

    private static string Json(IEnumerable<PublishedDatum> data) =>
        string.Join('\n', data.GroupBy(d => d.Namespace).Select(g =>
            JsonSerializer.Serialize(new PutMetricDataRequest { Namespace = g.Key, MetricData = [.. g.Select(d => d.Datum)] }, CloudWatchJsonContext.Default.PutMetricDataRequest)));
}
