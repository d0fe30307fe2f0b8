using System.Text.RegularExpressions;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Logs.Storage;
using Kessan.LocalCloud.Protocol;

namespace Kessan.LocalCloud.Logs;

/// <summary>CreateLogGroup, CreateLogStream and DescribeLogGroups, with the service's name rules and paging.</summary>
public sealed partial class LogGroupOperations(LogStore store)
{
    private const int MaxNameLength = 512;
    private const int DefaultPageSize = 50;
    private const string Listing = "DescribeLogGroups";

    public EmptyResponse CreateLogGroup(CreateLogGroupRequest request, CancellationToken cancellationToken)
    {
        RequireName("logGroupName", request.LogGroupName, GroupName(), @"[\.\-_/#A-Za-z0-9]+");
        if (store.TryCreateGroup(request.LogGroupName) is null)
        {
            throw LogsErrors.ResourceAlreadyExists("The specified log group already exists");
        }

        return new EmptyResponse();
    }

    public EmptyResponse CreateLogStream(CreateLogStreamRequest request, CancellationToken cancellationToken)
    {
        RequireName("logStreamName", request.LogStreamName, StreamName(), "[^:*]*");
        var group = RequireGroup(store, request.LogGroupName);
        if (!group.TryAddStream(request.LogStreamName))
        {
            throw LogsErrors.ResourceAlreadyExists("The specified log stream already exists");
        }

        return new EmptyResponse();
    }

    public DescribeLogGroupsResponse DescribeLogGroups(DescribeLogGroupsRequest request, CancellationToken cancellationToken)
    {
        var pageSize = request.Limit ?? DefaultPageSize;
        if (pageSize is < 1 or > DefaultPageSize)
        {
            throw LogsErrors.InvalidParameter(
                $"1 validation error detected: Value '{pageSize}' at 'limit' failed to satisfy constraint: Member must have value between 1 and {DefaultPageSize}");
        }

        var selectors = new[] { request.LogGroupNamePrefix, request.LogGroupNamePattern }.Count(value => value is not null)
            + (request.LogGroupIdentifiers is null ? 0 : 1);
        if (selectors > 1)
        {
            throw LogsErrors.InvalidParameter("logGroupNamePrefix, logGroupNamePattern and logGroupIdentifiers are mutually exclusive: give one of them.");
        }

        string? after = null;
        if (request.NextToken is { } token && !PageToken.TryDecodeText(token, Listing, out after))
        {
            throw LogsErrors.InvalidParameter("The specified nextToken is invalid: pass the nextToken of the previous DescribeLogGroups page.");
        }

        var identifiers = request.LogGroupIdentifiers?.Select(identifier => store.Find(identifier)?.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var matching = store.Groups()
            .Where(group => after is null || string.CompareOrdinal(group.Name, after) > 0)
            .Where(group => request.LogGroupNamePrefix is null || group.Name.StartsWith(request.LogGroupNamePrefix, StringComparison.Ordinal))
            .Where(group => request.LogGroupNamePattern is null || group.Name.Contains(request.LogGroupNamePattern, StringComparison.OrdinalIgnoreCase))
            .Where(group => identifiers is null || identifiers.Contains(group.Name))
            .Where(group => request.LogGroupClass is null or "STANDARD")
            .Take(pageSize + 1)
            .ToList();
        var page = matching.Take(pageSize).ToList();
        return new DescribeLogGroupsResponse
        {
            LogGroups = [.. page.Select(Describe)],
            NextToken = matching.Count > pageSize ? PageToken.EncodeText(Listing, page[^1].Name) : null,
        };
    }

    /// <exception cref="AwsServiceException">ResourceNotFoundException as the service words it.</exception>
    public static StoredLogGroup RequireGroup(LogStore store, string nameOrArn) =>
        store.Find(nameOrArn) ?? throw LogsErrors.ResourceNotFound("The specified log group does not exist.");

    private LogGroup Describe(StoredLogGroup group) => new()
    {
        LogGroupName = group.Name,
        CreationTime = group.CreationTime,
        RetentionInDays = store.RetentionInDays,
        MetricFilterCount = 0,
        Arn = group.Arn + ":*",
        StoredBytes = group.StoredBytes,
        LogGroupClass = "STANDARD",
        LogGroupArn = group.Arn,
        DeletionProtectionEnabled = false,
    };

    private static void RequireName(string member, string name, Regex pattern, string patternText)
    {
        if (name.Length is 0 or > MaxNameLength)
        {
            throw LogsErrors.InvalidParameter(
                $"1 validation error detected: Value '{name}' at '{member}' failed to satisfy constraint: Member must have length between 1 and {MaxNameLength}");
        }

        if (!pattern.IsMatch(name))
        {
            throw LogsErrors.InvalidParameter(
                $"1 validation error detected: Value '{name}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {patternText}");
        }
    }

    [GeneratedRegex(@"^[\.\-_/#A-Za-z0-9]+$")]
    private static partial Regex GroupName();

    [GeneratedRegex("^[^:*]*$")]
    private static partial Regex StreamName();
}
