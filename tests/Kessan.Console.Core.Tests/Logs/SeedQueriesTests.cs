using Kessan.Console.Core.Logs;

namespace Kessan.Console.Core.Tests.Logs;

public sealed class SeedQueriesTests
{
    [Fact]
    public void The_four_seed_queries_come_in_the_guides_order()
    {
        Assert.Equal(["errors", "api-performance", "user-activity", "external-api-cost"], SeedQueries.All.Select(query => query.Id));
    }

    [Fact]
    public void No_seed_query_filters_on_time_itself()
    {
        Assert.All(SeedQueries.All, query => Assert.DoesNotContain("@timestamp -", query.QueryString));
    }

    [Theory]
    [InlineData("api-performance", "| sort avg_response_time_ms desc")]
    [InlineData("user-activity", "| sort actions desc")]
    [InlineData("external-api-cost", "| sort total_cost_usd desc")]
    public void Aggregates_are_named_so_sort_can_refer_to_them(string id, string sortLine)
    {
        var query = SeedQueries.Find(id)!.QueryString;

        Assert.EndsWith(sortLine, query);
        Assert.Contains($" as {sortLine["| sort ".Length..^" desc".Length]}", query);
    }

    [Fact]
    public void A_query_is_found_by_its_id_and_an_unknown_id_finds_none()
    {
        Assert.Equal((SeedQueries.Errors, null), (SeedQueries.Find("errors"), SeedQueries.Find("nope")));
    }
}
