using Kessan.Console.Core.Logs;
using Kessan.Console.Core.Time;
using Kessan.Console.Features.Logs;
using Microsoft.AspNetCore.WebUtilities;

namespace Kessan.Console.Tests.Logs;

public sealed class LogsLinkTests
{
    private static readonly DateTimeOffset Fired = new(2026, 11, 20, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_link_read_back_from_its_url_is_the_same_query_groups_and_range()
    {
        var link = new LogsLink("fields @message\n| filter @message like /a|b/ and path = \"/x?y=1&z=2\"", ["/kessan/prod/api", "/kessan/prod/worker"]);
        var range = new TimeRange(TimeExpression.At(Fired), TimeExpression.At(Fired.AddHours(2)));

        var query = QueryHelpers.ParseQuery(new Uri("http://console" + link.ToUrl(range)).Query);
        var read = LogsLink.FromQuery(query[LogsLink.QueryKey], query[LogsLink.GroupsKey]);

        Assert.True(read.SameAs(link));
        Assert.True(TimeRange.TryParse(query["from"], query["to"], Fired, out var readRange, out _));
        Assert.Equal(range, readRange);
    }

    [Fact]
    public void Groups_in_the_url_are_comma_separated_and_blank_entries_ignored()
    {
        var link = LogsLink.FromQuery("fields @message", "/kessan/prod/api, ,/kessan/prod/worker,");

        Assert.Equal(["/kessan/prod/api", "/kessan/prod/worker"], link.Groups);
    }

    [Fact]
    public void Logs_around_a_resolved_alert_search_the_api_group_for_errors_from_15_minutes_before_to_15_after()
    {
        var url = LogsLink.AroundAlert(Fired, Fired.AddMinutes(40), "/kessan/prod/api");

        var query = QueryHelpers.ParseQuery(new Uri("http://console" + url).Query);
        Assert.StartsWith("/logs?", url);
        Assert.Equal(SeedQueries.Errors.QueryString, query["q"]);
        Assert.Equal("/kessan/prod/api", query["groups"]);
        Assert.Equal(Fired.AddMinutes(-15), TimeExpression.Parse(query["from"]!).Instant);
        Assert.Equal(Fired.AddMinutes(55), TimeExpression.Parse(query["to"]!).Instant);
    }

    [Fact]
    public void Logs_around_an_open_alert_run_until_now()
    {
        var url = LogsLink.AroundAlert(Fired, resolvedAt: null, "/kessan/prod/api");

        Assert.Equal("now", QueryHelpers.ParseQuery(new Uri("http://console" + url).Query)["to"]);
    }
}
