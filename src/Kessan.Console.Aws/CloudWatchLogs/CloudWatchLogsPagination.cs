using System.Runtime.CompilerServices;
using static Kessan.Console.Aws.Protocol.NextTokenPaging;

namespace Kessan.Console.Aws.CloudWatchLogs;

/// <summary>Follows <c>nextToken</c> across pages ("…Pages" yields each response, "Enumerate…" the items in them) and
/// polls a running Logs Insights query until it finishes.</summary>
public static class CloudWatchLogsPagination
{
    public static IAsyncEnumerable<DescribeLogGroupsResponse> DescribeLogGroupsPagesAsync(
        this ICloudWatchLogs logs, DescribeLogGroupsRequest request, CancellationToken cancellationToken = default) =>
        PagesAsync(request, logs.DescribeLogGroupsAsync, page => page.NextToken, (next, token) => next with { NextToken = token }, cancellationToken);

    public static IAsyncEnumerable<LogGroup> EnumerateLogGroupsAsync(
        this ICloudWatchLogs logs, DescribeLogGroupsRequest request, CancellationToken cancellationToken = default) =>
        ItemsAsync(logs.DescribeLogGroupsPagesAsync(request, cancellationToken), page => page.LogGroups);

    public static IAsyncEnumerable<FilterLogEventsResponse> FilterLogEventsPagesAsync(
        this ICloudWatchLogs logs, FilterLogEventsRequest request, CancellationToken cancellationToken = default) =>
        PagesAsync(request, logs.FilterLogEventsAsync, page => page.NextToken, (next, token) => next with { NextToken = token }, cancellationToken);

    /// <summary>Every matching event in timestamp order, across pages.</summary>
    public static IAsyncEnumerable<FilteredLogEvent> EnumerateLogEventsAsync(
        this ICloudWatchLogs logs, FilterLogEventsRequest request, CancellationToken cancellationToken = default) =>
        ItemsAsync(logs.FilterLogEventsPagesAsync(request, cancellationToken), page => page.Events);

    /// <summary>Asks for the query's results now and then every <paramref name="interval"/> on <paramref name="clock"/>,
    /// yielding each answer (partial results and statistics while it runs) until one has a finished status
    /// (<see cref="QueryStatus.IsFinished"/>), which is yielded last.</summary>
    public static async IAsyncEnumerable<GetQueryResultsResponse> PollQueryResultsAsync(
        this ICloudWatchLogs logs,
        string queryId,
        TimeSpan interval,
        TimeProvider clock,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        while (true)
        {
            var results = await logs.GetQueryResultsAsync(new GetQueryResultsRequest { QueryId = queryId }, cancellationToken);
            yield return results;
            if (QueryStatus.IsFinished(results.Status))
            {
                yield break;
            }

            await Task.Delay(interval, clock, cancellationToken);
        }
    }

    /// <summary>A result row as field → value; a field that appears twice keeps its last value.</summary>
    public static IReadOnlyDictionary<string, string> ToDictionary(this IReadOnlyList<ResultField> row)
    {
        var values = new Dictionary<string, string>(row.Count, StringComparer.Ordinal);
        foreach (var field in row)
        {
            if (field.Field is not null)
            {
                values[field.Field] = field.Value ?? string.Empty;
            }
        }

        return values;
    }
}
