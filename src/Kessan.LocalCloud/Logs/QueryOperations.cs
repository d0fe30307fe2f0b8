using System.Globalization;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Logs.Insights;
using Kessan.LocalCloud.Logs.Storage;
using Kessan.LocalCloud.Protocol;

namespace Kessan.LocalCloud.Logs;

/// <summary>StartQuery, GetQueryResults, StopQuery, DescribeQueries and GetLogRecord over <see cref="InsightsQueries"/>.</summary>
public sealed class QueryOperations(LogStore store, InsightsQueries queries, TimeProvider clock)
{
    public const int MaxLogGroups = 50;
    public const int MaxQueryLength = 10_000;
    private const int DefaultDescribePage = 1_000;
    private const string DescribeListing = "DescribeQueries";
    private const string ResultsListing = "GetQueryResults";

    public StartQueryResponse StartQuery(StartQueryRequest request, CancellationToken cancellationToken)
    {
        if (request.QueryLanguage is not (null or QueryLanguage.LogsInsights))
        {
            throw LogsErrors.InvalidParameter($"LocalCloud runs Logs Insights QL queries only (queryLanguage {QueryLanguage.LogsInsights}), not {request.QueryLanguage}.");
        }

        var named = new[] { request.LogGroupName is null ? null : (IReadOnlyList<string>)[request.LogGroupName], request.LogGroupNames, request.LogGroupIdentifiers }
            .OfType<IReadOnlyList<string>>()
            .ToList();
        if (named.Count != 1 || named[0].Count == 0)
        {
            throw LogsErrors.InvalidParameter("Specify exactly one of logGroupName, logGroupNames or logGroupIdentifiers, naming at least one log group.");
        }

        if (named[0].Count > MaxLogGroups)
        {
            throw LogsErrors.InvalidParameter($"A query can search at most {MaxLogGroups} log groups; this one names {named[0].Count}.");
        }

        var groups = named[0].Select(name => store.Find(name)
            ?? throw LogsErrors.ResourceNotFound($"Log group '{name}' does not exist for account ID '{store.AccountId}'.")).ToList();
        if (request.StartTime > request.EndTime)
        {
            throw LogsErrors.InvalidParameter(
                $"endTime ({request.EndTime.ToUnixTimeSeconds()}) must not be before startTime ({request.StartTime.ToUnixTimeSeconds()}).");
        }

        if (request.Limit is < 1 or > QueryPlan.MaxResultLimit)
        {
            throw LogsErrors.InvalidParameter(
                $"1 validation error detected: Value '{request.Limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and {QueryPlan.MaxResultLimit}");
        }

        if (request.QueryString.Length > MaxQueryLength)
        {
            throw LogsErrors.InvalidParameter($"The query string has {request.QueryString.Length} characters; at most {MaxQueryLength} are allowed.");
        }

        // Both ends are whole seconds and inclusive: the end second counts to its last millisecond.
        var run = queries.Start(groups, request.QueryString, request.StartTime.ToUnixTimeSeconds() * 1000,
            request.EndTime.ToUnixTimeSeconds() * 1000 + 999, request.Limit);
        return new StartQueryResponse(run.Id);
    }

    public GetQueryResultsResponse GetQueryResults(GetQueryResultsRequest request, CancellationToken cancellationToken)
    {
        var run = Require(request.QueryId);
        var status = run.Status;
        var latest = run.Latest;
        var results = latest.Results;
        string? nextToken = null;
        if (request.MaxItems is { } maxItems || request.NextToken is not null)
        {
            var skip = Offset(request.NextToken, ResultsListing);

            var take = request.MaxItems ?? results.Count;
            nextToken = skip + take < results.Count ? OffsetToken(ResultsListing, skip + take) : null;
            results = [.. results.Skip(skip).Take(take)];
        }

        return new GetQueryResultsResponse
        {
            QueryLanguage = QueryLanguage.LogsInsights,
            Results = results,
            Statistics = latest.Statistics,
            Status = status,
            NextToken = nextToken,
        };
    }

    public StopQueryResponse StopQuery(StopQueryRequest request, CancellationToken cancellationToken) => new(Require(request.QueryId).RequestStop());

    public DescribeQueriesResponse DescribeQueries(DescribeQueriesRequest request, CancellationToken cancellationToken)
    {
        if (request.Status is { } wanted && wanted is not (QueryStatus.Scheduled or QueryStatus.Running or QueryStatus.Complete
            or QueryStatus.Failed or QueryStatus.Cancelled or QueryStatus.Timeout or QueryStatus.Unknown))
        {
            throw LogsErrors.InvalidParameter(
                $"1 validation error detected: Value '{wanted}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Scheduled, Running, Complete, Failed, Cancelled, Timeout, Unknown]");
        }

        var pageSize = request.MaxResults ?? DefaultDescribePage;
        if (pageSize is < 1 or > DefaultDescribePage)
        {
            throw LogsErrors.InvalidParameter(
                $"1 validation error detected: Value '{pageSize}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and {DefaultDescribePage}");
        }

        var skip = Offset(request.NextToken, DescribeListing);

        var now = clock.GetUtcNow();
        var matching = queries.List()
            .Where(query => request.Status is null || query.Status == request.Status)
            .Where(query => request.LogGroupName is null || query.LogGroupNames.Contains(request.LogGroupName, StringComparer.Ordinal))
            .ToList();
        var page = matching.Skip(skip).Take(pageSize).Select(query => new QueryInfo
        {
            QueryLanguage = QueryLanguage.LogsInsights,
            QueryId = query.Id,
            QueryString = query.QueryString,
            Status = query.Status,
            CreateTime = query.CreateTime,
            LogGroupName = query.LogGroupNames[0],
            QueryDuration = (long)query.Duration(now).TotalMilliseconds,
            BytesScanned = query.Latest.Statistics.BytesScanned,
        }).ToList();
        return new DescribeQueriesResponse
        {
            Queries = page,
            NextToken = skip + pageSize < matching.Count ? OffsetToken(DescribeListing, skip + pageSize) : null,
        };
    }

    public GetLogRecordResponse GetLogRecord(GetLogRecordRequest request, CancellationToken cancellationToken)
    {
        if (!LogRecordPointer.TryDecode(request.LogRecordPointer, out var groupId, out var sequence) || store.Find(groupId) is not { } group)
        {
            throw LogsErrors.InvalidParameter("The logRecordPointer is not valid: pass the @ptr value of a query result row.");
        }

        if (!group.TryFind(sequence, out var view, out var index) || view.Timestamp(index) < store.Cutoff)
        {
            throw LogsErrors.ResourceNotFound("The log record no longer exists: it is past the log group's retention.");
        }

        var record = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["@timestamp"] = view.Timestamp(index).ToString(CultureInfo.InvariantCulture),
            ["@ingestionTime"] = view.IngestionTime(index).ToString(CultureInfo.InvariantCulture),
            ["@message"] = view.MessageText(index),
            ["@logStream"] = group.Streams[view.Stream(index)],
            ["@log"] = store.LogIdentifier(group),
        };
        foreach (var field in view.Fields(index))
        {
            record.TryAdd(store.FieldNames.Name(field.Name),
                field.Kind == StoredFieldKind.Number ? QueryValue.FormatNumber(field.Number) : view.Text(field));
        }

        return new GetLogRecordResponse { LogRecord = record };
    }

    /// <summary>How many items earlier pages of <paramref name="listing"/> (GetQueryResults, DescribeQueries) held.</summary>
    private static int Offset(string? nextToken, string listing)
    {
        if (nextToken is null)
        {
            return 0;
        }

        return PageToken.TryDecodeText(nextToken, listing, out var position) && int.TryParse(position, CultureInfo.InvariantCulture, out var offset) && offset >= 0
            ? offset
            : throw LogsErrors.InvalidParameter($"The specified nextToken is invalid: pass the nextToken of the previous {listing} page.");
    }

    private static string OffsetToken(string listing, int offset) => PageToken.EncodeText(listing, offset.ToString(CultureInfo.InvariantCulture));

    private QueryRun Require(string queryId) =>
        queries.Find(queryId) ?? throw LogsErrors.ResourceNotFound($"Query {queryId} does not exist: it was never started here, or it is too old to be kept.");
}
