using System.Globalization;
using System.Text;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Logs.Filtering;
using Kessan.LocalCloud.Logs.Storage;
using Kessan.LocalCloud.Protocol;

namespace Kessan.LocalCloud.Logs;

/// <summary>PutLogEvents with CloudWatch's batch rules, and FilterLogEvents with filter patterns and paging.</summary>
public sealed class LogEventOperations(LogStore store, TimeProvider clock)
{
    public const int MaxBatchEvents = 10_000;
    public const int MaxBatchBytes = 1_048_576;

    /// <summary>What PutLogEvents counts per event on top of its message's UTF-8 bytes.</summary>
    public const int EventOverheadBytes = 26;

    public const int MaxFilterPageEvents = 10_000;

    private static readonly TimeSpan MaxFuture = TimeSpan.FromHours(2);
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(14);
    private static readonly TimeSpan MaxSpan = TimeSpan.FromHours(24);
    private const string Listing = "FilterLogEvents";

    /// <summary>Orders the page selection's heap so its top is the latest match.</summary>
    private static readonly Comparer<(long Timestamp, long Sequence)> LatestFirst =
        Comparer<(long Timestamp, long Sequence)>.Create((left, right) => right.CompareTo(left));

    public PutLogEventsResponse PutLogEvents(PutLogEventsRequest request, CancellationToken cancellationToken)
    {
        var group = LogGroupOperations.RequireGroup(store, request.LogGroupName);
        if (!group.HasStream(request.LogStreamName))
        {
            throw LogsErrors.ResourceNotFound("The specified log stream does not exist.");
        }

        var events = request.LogEvents;
        if (events.Count is 0 or > MaxBatchEvents)
        {
            throw LogsErrors.InvalidParameter(
                $"1 validation error detected: Value at 'logEvents' failed to satisfy constraint: Member must have length between 1 and {MaxBatchEvents} (it has {events.Count})");
        }

        long batchBytes = 0;
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Message.Length == 0)
            {
                throw LogsErrors.InvalidParameter(
                    $"1 validation error detected: Value '' at 'logEvents.{i + 1}.member.message' failed to satisfy constraint: Member must have length greater than or equal to 1");
            }

            batchBytes += Encoding.UTF8.GetByteCount(events[i].Message) + EventOverheadBytes;
            if (i > 0 && events[i].Timestamp < events[i - 1].Timestamp)
            {
                throw LogsErrors.InvalidParameter(
                    $"Log events in a single PutLogEvents request must be in chronological order: logEvents[{i}] is earlier than logEvents[{i - 1}].");
            }
        }

        if (batchBytes > MaxBatchBytes)
        {
            throw LogsErrors.InvalidParameter(
                $"Upload too large: {batchBytes} bytes exceeds limit of {MaxBatchBytes} (the messages' UTF-8 bytes plus {EventOverheadBytes} per event).");
        }

        // Chronological, so the too-old and expired events are a prefix and the too-new ones a suffix.
        var now = clock.GetUtcNow();
        var tooOldEnd = CountBefore(events, now - MaxAge);
        var expiredEnd = Math.Max(tooOldEnd, CountBefore(events, DateTimeOffset.FromUnixTimeMilliseconds(store.Cutoff)));
        var tooNewStart = CountBefore(events, now + MaxFuture + TimeSpan.FromMilliseconds(1));
        var accepted = events.Skip(expiredEnd).Take(Math.Max(0, tooNewStart - expiredEnd)).ToList();
        if (accepted.Count > 1 && accepted[^1].Timestamp - accepted[0].Timestamp > MaxSpan)
        {
            throw LogsErrors.InvalidParameter("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
        }

        group.Append(request.LogStreamName, accepted.Select(e => (e.Timestamp.ToUnixTimeMilliseconds(), e.Message)), now.ToUnixTimeMilliseconds(), store.FieldNames);
        var rejected = tooOldEnd > 0 || expiredEnd > tooOldEnd || tooNewStart < events.Count
            ? new RejectedLogEventsInfo
            {
                TooOldLogEventEndIndex = tooOldEnd > 0 ? tooOldEnd : null,
                ExpiredLogEventEndIndex = expiredEnd > tooOldEnd ? expiredEnd : null,
                TooNewLogEventStartIndex = tooNewStart < events.Count ? tooNewStart : null,
            }
            : null;
        return new PutLogEventsResponse { RejectedLogEventsInfo = rejected };
    }

    public FilterLogEventsResponse FilterLogEvents(FilterLogEventsRequest request, CancellationToken cancellationToken)
    {
        if ((request.LogGroupName is null) == (request.LogGroupIdentifier is null))
        {
            throw LogsErrors.InvalidParameter("Specify either logGroupName or logGroupIdentifier, not both and not neither.");
        }

        if (request.LogStreamNames is not null && request.LogStreamNamePrefix is not null)
        {
            throw LogsErrors.InvalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive: give one of them.");
        }

        var group = LogGroupOperations.RequireGroup(store, (request.LogGroupName ?? request.LogGroupIdentifier)!);
        var from = request.StartTime?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var to = request.EndTime?.ToUnixTimeMilliseconds() ?? long.MaxValue;
        if (from > to)
        {
            throw LogsErrors.InvalidParameter($"startTime ({from}) must not be after endTime ({to}).");
        }

        var pageSize = request.Limit ?? MaxFilterPageEvents;
        if (pageSize is < 1 or > MaxFilterPageEvents)
        {
            throw LogsErrors.InvalidParameter(
                $"1 validation error detected: Value '{pageSize}' at 'limit' failed to satisfy constraint: Member must have value between 1 and {MaxFilterPageEvents}");
        }

        FilterPattern pattern;
        try
        {
            pattern = FilterPattern.Parse(request.FilterPattern, store.FieldNames);
        }
        catch (FilterPatternException error)
        {
            throw LogsErrors.InvalidParameter($"Invalid filter pattern: {error.Message}");
        }

        var after = request.NextToken is null ? ((long Timestamp, long Sequence)?)null : DecodePosition(request.NextToken);
        var streams = group.Streams;
        var wantedStreams = request.LogStreamNames?.ToHashSet(StringComparer.Ordinal);
        // The page's events are the first `limit` matches in (timestamp, sequence) order; one more tells whether a
        // next page exists. A heap of that many, largest on top, keeps a page at O(n log limit) however many match.
        var selection = new PriorityQueue<Match, (long Timestamp, long Sequence)>(LatestFirst);
        from = Math.Max(from, store.Cutoff);
        foreach (var segment in group.Segments)
        {
            if (segment.MaxTimestamp < from || segment.MinTimestamp > to)
            {
                continue;
            }

            var view = segment.View();
            for (var i = 0; i < view.Count; i++)
            {
                (long Timestamp, long Sequence) key = (view.Timestamp(i), view.Sequence(i));
                if (key.Timestamp < from || key.Timestamp > to
                    || (after is { } position && key.CompareTo(position) <= 0)
                    || (selection.Count > pageSize && selection.TryPeek(out _, out var latest) && key.CompareTo(latest) >= 0))
                {
                    continue;
                }

                var stream = streams[view.Stream(i)];
                if ((wantedStreams is not null && !wantedStreams.Contains(stream))
                    || (request.LogStreamNamePrefix is not null && !stream.StartsWith(request.LogStreamNamePrefix, StringComparison.Ordinal))
                    || !pattern.Matches(view, i))
                {
                    continue;
                }

                if (selection.Count > pageSize)
                {
                    selection.EnqueueDequeue(new Match(view, i), key);
                }
                else
                {
                    selection.Enqueue(new Match(view, i), key);
                }
            }
        }

        var matches = new Match[selection.Count];
        for (var i = matches.Length - 1; i >= 0; i--)
        {
            matches[i] = selection.Dequeue();
        }

        var page = new List<FilteredLogEvent>();
        long pageBytes = 0;
        foreach (var (view, index) in matches)
        {
            // A page holds at most `limit` events and about 1 MB of messages, as the service's do.
            if (page.Count == pageSize || (page.Count > 0 && pageBytes + view.MessageLength(index) > MaxBatchBytes))
            {
                break;
            }

            pageBytes += view.MessageLength(index);
            page.Add(new FilteredLogEvent
            {
                LogStreamName = streams[view.Stream(index)],
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(view.Timestamp(index)),
                Message = view.MessageText(index),
                IngestionTime = DateTimeOffset.FromUnixTimeMilliseconds(view.IngestionTime(index)),
                EventId = view.Sequence(index).ToString(CultureInfo.InvariantCulture),
            });
        }

        var last = page.Count > 0 ? matches[page.Count - 1] : default;
        return new FilterLogEventsResponse
        {
            Events = page,
            SearchedLogStreams = [],
            NextToken = page.Count < matches.Length
                ? PageToken.EncodeText(Listing, $"{last.View.Timestamp(last.Index)}:{last.View.Sequence(last.Index)}")
                : null,
        };
    }

    private static (long Timestamp, long Sequence) DecodePosition(string token)
    {
        if (PageToken.TryDecodeText(token, Listing, out var position)
            && position.Split(':') is [var timestamp, var sequence]
            && long.TryParse(timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var at)
            && long.TryParse(sequence, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return (at, number);
        }

        throw LogsErrors.InvalidParameter("The specified nextToken is invalid: pass the nextToken of the previous FilterLogEvents page.");
    }

    private static int CountBefore(IReadOnlyList<InputLogEvent> events, DateTimeOffset limit)
    {
        var count = 0;
        while (count < events.Count && events[count].Timestamp < limit)
        {
            count++;
        }

        return count;
    }

    /// <summary>A matching event: where it is stored.</summary>
    private readonly record struct Match(SegmentView View, int Index);
}
