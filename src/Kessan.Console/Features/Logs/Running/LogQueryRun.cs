using Kessan.Console.Aws;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.Console.Core.Time;
using Kessan.Console.Shared;

namespace Kessan.Console.Features.Logs.Running;

/// <summary>What to run: the query text, the log groups and the window.</summary>
public sealed record LogQueryRequest(string Query, IReadOnlyList<string> Groups, ResolvedTimeRange Range)
{
    /// <summary>Why this cannot be started, in a sentence; null when it can.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(Query) ? "The query is empty: write one (for example: fields @timestamp, @message | limit 20) or pick a saved query."
        : Groups.Count == 0 ? "No log group is selected: choose at least one to search."
        : Range.Start > Range.End ? $"The time range starts ({Range.Start:u}) after it ends ({Range.End:u})."
        : null;
}

/// <summary>Why a query did not run or stopped: a sentence, and for a malformed query where it went wrong.</summary>
public sealed record LogQueryError(string Message, QueryErrorPosition? Position = null);

/// <summary>One Logs Insights query from StartQuery to a finished status: polls GetQueryResults every
/// <c>pollInterval</c> on the clock and keeps the latest (partial, then final) results and statistics.</summary>
public sealed class LogQueryRun(ICloudWatchLogs logs, TimeProvider clock, TimeSpan pollInterval)
{
    public string? QueryId { get; private set; }

    /// <summary>One of <see cref="QueryStatus"/>, null before StartQuery answered.</summary>
    public string? Status { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public QueryStatistics? Statistics { get; private set; }

    public LogResults Results { get; private set; } = LogResults.Empty;

    public LogQueryError? Error { get; private set; }

    public bool IsRunning => StartedAt is not null && FinishedAt is null;

    public TimeSpan Elapsed => StartedAt is { } started ? (FinishedAt ?? clock.GetUtcNow()) - started : TimeSpan.Zero;

    /// <summary>Starts the query and polls it until it finishes, calling <paramref name="changed"/> after each
    /// answer. Errors a user can act on end up in <see cref="Error"/>; cancelling stops polling (not the query:
    /// see <see cref="StopAsync"/>).</summary>
    public async Task RunAsync(LogQueryRequest request, Func<Task> changed, CancellationToken cancellationToken)
    {
        StartedAt = clock.GetUtcNow();
        if (request.Problem() is { } problem)
        {
            await FinishAsync(new LogQueryError(problem), changed);
            return;
        }

        try
        {
            var started = await logs.StartQueryAsync(new StartQueryRequest
            {
                QueryLanguage = QueryLanguage.LogsInsights,
                LogGroupNames = request.Groups,
                StartTime = request.Range.Start,
                EndTime = request.Range.End,
                QueryString = request.Query,
            }, cancellationToken);
            QueryId = started.QueryId ?? throw new InvalidOperationException("StartQuery answered without a queryId.");
            Status = QueryStatus.Scheduled;
            await changed();
            await foreach (var answer in logs.PollQueryResultsAsync(QueryId, pollInterval, clock, cancellationToken))
            {
                Status = answer.Status;
                Statistics = answer.Statistics ?? Statistics;
                Results = LogResults.From(answer.Results);
                if (QueryStatus.IsFinished(answer.Status))
                {
                    FinishedAt = clock.GetUtcNow();
                }
                await changed();
            }
        }
        catch (MalformedQueryException exception) when (exception.QueryCompileError is { } compile)
        {
            var position = QueryErrorPosition.Of(request.Query, compile.Location);
            var where = position is null ? "" : $"Line {position.Line}, column {position.Column}: ";
            await FinishAsync(new LogQueryError(where + (compile.Message ?? exception.ServiceMessage ?? exception.ErrorCode), position), changed);
        }
        catch (AwsServiceException exception) when (exception.ErrorCode == "ResourceNotFoundException")
        {
            await FinishAsync(new LogQueryError($"A log group was not found: {exception.ServiceMessage}"), changed);
        }
        catch (Exception exception) when (FailureReason.IsExpected(exception))
        {
            await FinishAsync(new LogQueryError(FailureReason.Describe(exception)), changed);
        }
    }

    /// <summary>Asks the service to stop the query; polling then sees it Cancelled. False when it had already finished.</summary>
    public async Task<bool> StopAsync(CancellationToken cancellationToken)
    {
        if (QueryId is null || !IsRunning)
        {
            return false;
        }
        var answer = await logs.StopQueryAsync(new StopQueryRequest(QueryId), cancellationToken);
        return answer.Success ?? false;
    }

    private Task FinishAsync(LogQueryError error, Func<Task> changed)
    {
        Error = error;
        Status ??= QueryStatus.Failed;
        FinishedAt = clock.GetUtcNow();
        return changed();
    }
}
