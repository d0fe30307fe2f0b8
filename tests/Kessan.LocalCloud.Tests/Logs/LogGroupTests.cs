using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Protocol;

namespace Kessan.LocalCloud.Tests.Logs;

public sealed class LogGroupTests : IDisposable
{
    private readonly LogEngine _engine = new();

    [Fact]
    public void Creating_a_log_group_twice_is_ResourceAlreadyExistsException()
    {
        Create("/kessan/local/api");

        var error = Assert.Throws<AwsServiceException>(() => Create("/kessan/local/api"));

        Assert.Equal(("ResourceAlreadyExistsException", "The specified log group already exists"), (error.Type, error.Message));
    }

    [Fact]
    public void A_log_group_name_outside_the_allowed_characters_is_refused_naming_the_pattern()
    {
        var error = Assert.Throws<AwsServiceException>(() => Create("kessan api"));

        Assert.Equal("InvalidParameterException", error.Type);
        Assert.Contains(@"'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\.\-_/#A-Za-z0-9]+", error.Message);
    }

    [Fact]
    public void A_stream_in_a_missing_group_is_ResourceNotFoundException()
    {
        var error = Assert.Throws<AwsServiceException>(() =>
            _engine.Groups.CreateLogStream(new CreateLogStreamRequest("/nowhere", "s"), CancellationToken.None));

        Assert.Equal(("ResourceNotFoundException", "The specified log group does not exist."), (error.Type, error.Message));
    }

    [Fact]
    public void A_stream_name_with_a_colon_is_refused()
    {
        Create("/g");

        var error = Assert.Throws<AwsServiceException>(() => _engine.Groups.CreateLogStream(new CreateLogStreamRequest("/g", "a:b"), CancellationToken.None));

        Assert.Contains("[^:*]*", error.Message);
    }

    [Fact]
    public void Creating_a_stream_twice_is_ResourceAlreadyExistsException()
    {
        _engine.WithStream();

        var error = Assert.Throws<AwsServiceException>(() =>
            _engine.Groups.CreateLogStream(new CreateLogStreamRequest(LogEngine.Group, LogEngine.Stream), CancellationToken.None));

        Assert.Equal("ResourceAlreadyExistsException", error.Type);
    }

    [Fact]
    public void DescribeLogGroups_lists_the_groups_with_a_prefix_in_name_order()
    {
        Create("/kessan/b/api", "/kessan/a/api", "/other/api");

        var groups = Describe(new DescribeLogGroupsRequest { LogGroupNamePrefix = "/kessan/" }).LogGroups!;

        Assert.Equal(["/kessan/a/api", "/kessan/b/api"], groups.Select(group => group.LogGroupName));
    }

    [Fact]
    public void DescribeLogGroups_matches_a_pattern_anywhere_in_the_name_ignoring_case()
    {
        Create("/kessan/local/API", "/kessan/local/worker");

        var groups = Describe(new DescribeLogGroupsRequest { LogGroupNamePattern = "api" }).LogGroups!;

        Assert.Equal(["/kessan/local/API"], groups.Select(group => group.LogGroupName));
    }

    [Fact]
    public void DescribeLogGroups_describes_a_group_as_the_service_does()
    {
        Create("/kessan/local/api");

        var group = Describe(new DescribeLogGroupsRequest()).LogGroups!.Single();

        Assert.Equal(new LogGroup
        {
            LogGroupName = "/kessan/local/api",
            CreationTime = _engine.Clock.GetUtcNow(),
            RetentionInDays = 1,
            MetricFilterCount = 0,
            Arn = "arn:aws:logs:ap-northeast-1:000000000000:log-group:/kessan/local/api:*",
            StoredBytes = 0,
            LogGroupClass = "STANDARD",
            LogGroupArn = "arn:aws:logs:ap-northeast-1:000000000000:log-group:/kessan/local/api",
            DeletionProtectionEnabled = false,
        }, group);
    }

    [Fact]
    public void DescribeLogGroups_pages_with_nextToken()
    {
        Create("/a", "/b", "/c");

        var first = Describe(new DescribeLogGroupsRequest { Limit = 2 });
        var second = Describe(new DescribeLogGroupsRequest { Limit = 2, NextToken = first.NextToken });

        Assert.Equal(["/a", "/b"], first.LogGroups!.Select(g => g.LogGroupName));
        Assert.Equal(["/c"], second.LogGroups!.Select(g => g.LogGroupName));
        Assert.Null(second.NextToken);
    }

    [Fact]
    public void A_prefix_and_a_pattern_together_are_InvalidParameterException()
    {
        var error = Assert.Throws<AwsServiceException>(() => Describe(new DescribeLogGroupsRequest { LogGroupNamePrefix = "/a", LogGroupNamePattern = "a" }));

        Assert.Equal("InvalidParameterException", error.Type);
    }

    [Fact]
    public void A_nextToken_from_elsewhere_is_InvalidParameterException()
    {
        var error = Assert.Throws<AwsServiceException>(() => Describe(new DescribeLogGroupsRequest { NextToken = "bm90LWEtdG9rZW4" }));

        Assert.Equal("InvalidParameterException", error.Type);
    }

    private void Create(params string[] names)
    {
        foreach (var name in names)
        {
            _engine.Groups.CreateLogGroup(new CreateLogGroupRequest { LogGroupName = name }, CancellationToken.None);
        }
    }

    private DescribeLogGroupsResponse Describe(DescribeLogGroupsRequest request) => _engine.Groups.DescribeLogGroups(request, CancellationToken.None);

    public void Dispose() => _engine.Dispose();
}
