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

    [Fact]
    public void Market_hours_carry_more_than_twice_the_night_traffic()
    {
        var market = RequestCount(SimulatedTraffic.Wednesday.AddHours(10), TimeSpan.FromHours(1));
        var night = RequestCount(SimulatedTraffic.Wednesday.AddHours(3), TimeSpan.FromHours(1));

        Assert.True(market > 2 * night, $"market hour {market} requests, night hour {night}");
    }

    [Fact]
    public void Traffic_rises_before_the_market_opens()
    {
        var early = RequestCount(SimulatedTraffic.Wednesday.AddHours(6), TimeSpan.FromHours(1));
        var beforeOpen = RequestCount(SimulatedTraffic.Wednesday.AddHours(8), TimeSpan.FromHours(1));

        Assert.True(beforeOpen > 1.5 * early, $"08:00-09:00 {beforeOpen} requests, 06:00-07:00 {early}");
    }

    [Fact]
    public void The_evening_peak_is_busier_than_the_late_afternoon()
    {
        var afternoon = RequestCount(SimulatedTraffic.Wednesday.AddHours(17), TimeSpan.FromHours(1));
        var evening = RequestCount(SimulatedTraffic.Wednesday.AddHours(21), TimeSpan.FromHours(1));

        Assert.True(evening > 1.3 * afternoon, $"21:00-22:00 {evening} requests, 17:00-18:00 {afternoon}");
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
