using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Kessan.Console.Aws.CloudWatch;
using Kessan.LocalCloud.Protocol;

namespace Kessan.LocalCloud.Metrics;

/// <summary>GetMetricData for MetricStat queries. A call returns at most 100,800 datapoints (or MaxDatapoints);
/// past that the cut query is marked PartialData, queries not reached yet are left for the next call, and the
/// NextToken names the query and the next timestamp, so new data arriving between calls cannot shift the pages.</summary>
internal sealed partial class GetMetricDataOperation(MetricStore store)
{
    public const int MaxQueries = 500;
    public const int MaxDatapointsPerCall = 100_800;
    private const string Listing = "GetMetricData";
    private const int CursorBytes = sizeof(int) + sizeof(long) + sizeof(ulong);

    public GetMetricDataResponse Handle(GetMetricDataRequest request, CancellationToken cancellationToken)
    {
        var queries = Plan(request);
        var ascending = IsAscending(request.ScanBy);
        var budget = Budget(request.MaxDatapoints);
        var fingerprint = Fingerprint(request, ascending);
        var cursor = request.NextToken is null ? new Cursor(0, null) : ReadCursor(request.NextToken, fingerprint, queries.Count);
        var results = new List<MetricDataResult>();
        var buffer = new DatapointBuffer();
        for (var index = cursor.Query; index < queries.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var query = queries[index];
            if (!query.ReturnData)
            {
                continue;
            }

            if (query.Selection is null)
            {
                results.Add(Unevaluated(query));
                continue;
            }

            store.Read(query.Selection, buffer);
            var (first, available) = Remaining(buffer.Minutes, ascending, index == cursor.Query ? cursor.Minute : null);
            if (available > 0 && budget == 0)
            {
                return Page(results, WriteCursor(index, buffer.Minutes[first], fingerprint));
            }

            var taken = Math.Min(available, budget);
            results.Add(Result(query, buffer, first, taken, ascending, taken == available));
            budget -= taken;
            if (taken < available)
            {
                var next = ascending ? first + taken : first - taken;
                return Page(results, WriteCursor(index, buffer.Minutes[next], fingerprint));
            }
        }

        return Page(results, null);
    }

    private static List<PlannedQuery> Plan(GetMetricDataRequest request)
    {
        var queries = request.MetricDataQueries;
        if (queries.Count > MaxQueries)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection MetricDataQueries must not have a size greater than {MaxQueries}.");
        }

        if (request.StartTime >= request.EndTime)
        {
            throw CloudWatchErrors.InvalidParameterValue("The parameter StartTime must be less than the parameter EndTime.");
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var plan = new List<PlannedQuery>(queries.Count);
        for (var i = 0; i < queries.Count; i++)
        {
            var query = queries[i];
            var parameter = $"MetricDataQueries.member.{i + 1}";
            if (query.Id.Length > 255 || !IdPattern().IsMatch(query.Id))
            {
                throw CloudWatchErrors.InvalidParameterValue(
                    $"The value {query.Id} for parameter {parameter}.Id is not valid: it must start with a lowercase letter and contain only letters, digits and underscores.");
            }

            if (!ids.TryAdd(query.Id, i + 1))
            {
                throw CloudWatchErrors.InvalidParameterValue(
                    $"The value {query.Id} for parameter {parameter}.Id is not unique: MetricDataQueries.member.{ids[query.Id]}.Id has it too.");
            }

            if ((query.MetricStat is null) == (query.Expression is null))
            {
                throw CloudWatchErrors.InvalidParameterValue($"The parameter {parameter} must have exactly one of MetricStat and Expression.");
            }

            var returnData = query.ReturnData ?? true;
            plan.Add(query.MetricStat is { } stat
                ? new PlannedQuery(query.Id, query.Label ?? stat.Metric.MetricName ?? "", returnData, Selection(stat, request, $"{parameter}.MetricStat"))
                : new PlannedQuery(query.Id, query.Label ?? query.Id, returnData, null));
        }

        return plan;
    }

    private static MetricSelection Selection(MetricStat stat, GetMetricDataRequest request, string parameter)
    {
        var metric = stat.Metric;
        if (metric.Namespace is null)
        {
            throw CloudWatchErrors.MissingParameter($"{parameter}.Metric.Namespace");
        }

        if (metric.MetricName is null)
        {
            throw CloudWatchErrors.MissingParameter($"{parameter}.Metric.MetricName");
        }

        MetricRules.RequireDimensions(metric.Dimensions, $"{parameter}.Metric.Dimensions");
        MetricRules.RequireUnit(stat.Unit, $"{parameter}.Unit");
        if (stat.Period is 1 or 5 or 10 or 20 or 30)
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The parameter {parameter}.Period is {stat.Period}: LocalCloud stores one-minute resolution only, so the period must be a multiple of 60.");
        }

        if (stat.Period <= 0 || stat.Period % 60 != 0)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter {parameter}.Period must be 1, 5, 10, 20, 30 or a multiple of 60; it is {stat.Period}.");
        }

        if (!Statistic.TryParse(stat.Stat, out var statistic))
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The value {stat.Stat} for parameter {parameter}.Stat is not valid: LocalCloud computes SampleCount, Sum, Average, Minimum, Maximum and percentiles such as p99 or p99.9.");
        }

        return new MetricSelection(metric, statistic, stat.Period, request.StartTime, request.EndTime, stat.Unit);
    }

    private static bool IsAscending(string? scanBy) => scanBy switch
    {
        null or CloudWatchValues.TimestampDescending => false,
        CloudWatchValues.TimestampAscending => true,
        _ => throw CloudWatchErrors.InvalidParameterValue(
            $"The value {scanBy} for parameter ScanBy is not valid: it must be {CloudWatchValues.TimestampDescending} or {CloudWatchValues.TimestampAscending}."),
    };

    private static int Budget(int? maxDatapoints) => maxDatapoints switch
    {
        null => MaxDatapointsPerCall,
        <= 0 => throw CloudWatchErrors.InvalidParameterValue("The parameter MaxDatapoints must be greater than 0."),
        _ => Math.Min(maxDatapoints.Value, MaxDatapointsPerCall),
    };

    /// <returns>The buffer position to emit first and how many remain from there in scan order.</returns>
    private static (int First, int Available) Remaining(ReadOnlySpan<long> minutes, bool ascending, long? cursorMinute)
    {
        if (cursorMinute is not { } resume)
        {
            return ascending ? (0, minutes.Length) : (minutes.Length - 1, minutes.Length);
        }

        var found = minutes.BinarySearch(resume);
        if (ascending)
        {
            var first = found >= 0 ? found : ~found;
            return (first, minutes.Length - first);
        }

        var last = found >= 0 ? found : ~found - 1;
        return (last, last + 1);
    }

    private static MetricDataResult Result(PlannedQuery query, DatapointBuffer buffer, int first, int count, bool ascending, bool complete)
    {
        var timestamps = new DateTimeOffset[count];
        var values = new double[count];
        var minutes = buffer.Minutes;
        var source = buffer.Values;
        var step = ascending ? 1 : -1;
        for (int k = 0, position = first; k < count; k++, position += step)
        {
            timestamps[k] = EpochMinutes.ToTime(minutes[position]);
            values[k] = source[position];
        }

        return new MetricDataResult
        {
            Id = query.Id,
            Label = query.Label,
            Timestamps = timestamps,
            Values = values,
            StatusCode = complete ? CloudWatchValues.Complete : CloudWatchValues.PartialData,
        };
    }

    // Metric math would need an expression engine; saying so per query lets the other queries of a batch still answer.
    private static MetricDataResult Unevaluated(PlannedQuery query) => new()
    {
        Id = query.Id,
        Label = query.Label,
        Timestamps = [],
        Values = [],
        StatusCode = CloudWatchValues.InternalError,
        Messages = [new MessageData("Unsupported", "LocalCloud does not evaluate metric math expressions; query the metrics themselves with MetricStat.")],
    };

    private static GetMetricDataResponse Page(List<MetricDataResult> results, string? nextToken) =>
        new() { MetricDataResults = results, NextToken = nextToken, Messages = [] };

    private static string WriteCursor(int query, long minute, ulong fingerprint)
    {
        Span<byte> position = stackalloc byte[CursorBytes];
        BinaryPrimitives.WriteInt32LittleEndian(position, query);
        BinaryPrimitives.WriteInt64LittleEndian(position[sizeof(int)..], minute);
        BinaryPrimitives.WriteUInt64LittleEndian(position[(sizeof(int) + sizeof(long))..], fingerprint);
        return PageToken.Encode(Listing, position);
    }

    private static Cursor ReadCursor(string token, ulong fingerprint, int queryCount)
    {
        if (PageToken.TryDecode(token, Listing, out var position) && position.Length == CursorBytes
            && BinaryPrimitives.ReadUInt64LittleEndian(position.AsSpan(sizeof(int) + sizeof(long))) == fingerprint
            && BinaryPrimitives.ReadInt32LittleEndian(position) is var query && query >= 0 && query < queryCount)
        {
            return new Cursor(query, BinaryPrimitives.ReadInt64LittleEndian(position.AsSpan(sizeof(int))));
        }

        throw CloudWatchErrors.InvalidNextToken(
            "The NextToken is not valid for this request: pass the NextToken of the previous response, with the same queries, times and ScanBy.");
    }

    // Binds a token to the request it continues: the times, the order and the query ids (FNV-1a, stable across restarts).
    private static ulong Fingerprint(GetMetricDataRequest request, bool ascending)
    {
        var hash = 14695981039346656037UL;
        Mix(request.StartTime.UtcTicks);
        Mix(request.EndTime.UtcTicks);
        Mix(ascending ? 1 : 0);
        foreach (var query in request.MetricDataQueries)
        {
            foreach (var character in query.Id)
            {
                Mix(character);
            }

            Mix(-1);
        }

        return hash;

        void Mix(long value)
        {
            for (var i = 0; i < sizeof(long); i++, value >>= 8)
            {
                hash = (hash ^ (byte)value) * 1099511628211UL;
            }
        }
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    private sealed record PlannedQuery(string Id, string Label, bool ReturnData, MetricSelection? Selection);

    private readonly record struct Cursor(int Query, long? Minute);
}
