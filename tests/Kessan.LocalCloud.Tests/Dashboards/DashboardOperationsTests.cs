using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Dashboards;
using Kessan.LocalCloud.Protocol;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kessan.LocalCloud.Tests.Dashboards;

public sealed class DashboardOperationsTests
{
    private const string Body = """{"widgets":[{"type":"text","x":0,"y":0,"width":6,"height":2,"properties":{"markdown":"Kessan"}}]}""";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero));
    private readonly DashboardOperations _dashboards;

    public DashboardOperationsTests() =>
        _dashboards = new DashboardOperations(new DashboardStore(_clock), Options.Create(new LocalCloudOptions { AccountId = "123456789012" }));

    [Fact]
    public void A_put_dashboard_comes_back_with_its_body_and_arn()
    {
        Put("Kessan-local-Main");

        var dashboard = _dashboards.Get(new GetDashboardRequest("Kessan-local-Main"), CancellationToken.None);

        Assert.Equal((Body, "arn:aws:cloudwatch::123456789012:dashboard/Kessan-local-Main"), (dashboard.DashboardBody, dashboard.DashboardArn));
    }

    [Fact]
    public void An_unknown_dashboard_is_ResourceNotFound()
    {
        var error = Assert.Throws<AwsServiceException>(() => _dashboards.Get(new GetDashboardRequest("Nope"), CancellationToken.None));

        Assert.Equal((404, "ResourceNotFound", "com.amazonaws.cloudwatch#DashboardNotFoundError"), (error.StatusCode, error.QueryCode, error.Type));
    }

    [Fact]
    public void Listing_filters_by_prefix_and_describes_each_dashboard()
    {
        Put("Kessan-local-Main");
        Put("Kessan-local-Performance");
        Put("Other");

        var entries = _dashboards.List(new ListDashboardsRequest { DashboardNamePrefix = "Kessan-" }, CancellationToken.None).DashboardEntries!;

        Assert.Equal(["Kessan-local-Main", "Kessan-local-Performance"], entries.Select(entry => entry.DashboardName));
        Assert.All(entries, entry => Assert.Equal((_clock.GetUtcNow(), (long)Body.Length), (entry.LastModified!.Value, entry.Size!.Value)));
    }

    [Fact]
    public void Listing_pages_continue_after_the_last_name()
    {
        for (var i = 0; i < DashboardOperations.PageSize + 5; i++)
        {
            Put($"Dashboard-{i:D4}");
        }

        var first = _dashboards.List(new ListDashboardsRequest(), CancellationToken.None);
        var second = _dashboards.List(new ListDashboardsRequest { NextToken = first.NextToken }, CancellationToken.None);

        Assert.Equal([DashboardOperations.PageSize, 5], [first.DashboardEntries!.Count, second.DashboardEntries!.Count]);
        Assert.Equal("Dashboard-1000", second.DashboardEntries![0].DashboardName);
        Assert.Null(second.NextToken);
    }

    [Theory]
    [InlineData("[]", "", "The dashboard body must be a JSON object.")]
    [InlineData("""{"widget":[]}""", "/widgets", "The dashboard body must have a \"widgets\" array.")]
    [InlineData("""{"widgets":{}}""", "/widgets", "The dashboard body must have a \"widgets\" array.")]
    [InlineData("{", "", "The dashboard body is not valid JSON (line 1, byte 2).")]
    public void A_body_without_a_widgets_array_is_refused_with_a_validation_message(string body, string dataPath, string message)
    {
        var error = Assert.Throws<DashboardInvalidInputException>(() =>
            _dashboards.Put(new PutDashboardRequest("Main", body), CancellationToken.None));

        Assert.Equal((400, "InvalidParameterInput"), (error.StatusCode, error.QueryCode));
        Assert.Equal([new DashboardValidationMessage(dataPath, message)], error.ValidationMessages);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Kessan Main")]
    [InlineData("Kessan.Main")]
    public void Names_are_letters_digits_dashes_and_underscores(string name)
    {
        Assert.Throws<DashboardInvalidInputException>(() => _dashboards.Put(new PutDashboardRequest(name, Body), CancellationToken.None));
    }

    [Fact]
    public void A_name_of_255_characters_is_accepted_and_256_is_not()
    {
        Put(new string('a', 255));

        Assert.Throws<DashboardInvalidInputException>(() => Put(new string('a', 256)));
    }

    private void Put(string name) => _dashboards.Put(new PutDashboardRequest(name, Body), CancellationToken.None);
}
