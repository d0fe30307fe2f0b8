using System.Collections.Concurrent;
using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Retention;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Logs.Storage;

/// <summary>LocalCloud's CloudWatch Logs data: log groups with their streams and events, kept for
/// <see cref="LogsOptions.Retention"/> (older events are refused as expired and trimmed), fields extracted once at
/// ingest. PutLogEvents and the traffic simulator write; FilterLogEvents and Insights queries read concurrently.</summary>
public sealed class LogStore : IRetainedStore, ILogSink
{
    private readonly ConcurrentDictionary<string, StoredLogGroup> _groups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, StoredLogGroup> _groupsById = new();
    private readonly TimeProvider _clock;
    private readonly string _region;
    private int _nextGroupId;

    public LogStore(IOptions<LocalCloudOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        _clock = clock;
        _region = settings.Region;
        AccountId = settings.AccountId;
        Retention = settings.Logs.Retention;
    }

    public string AccountId { get; }

    public TimeSpan Retention { get; }

    /// <summary>Whole days, as DescribeLogGroups reports a group's retention.</summary>
    public int RetentionInDays => (int)Math.Max(1, Math.Ceiling(Retention.TotalDays));

    public FieldNames FieldNames { get; } = new();

    /// <returns>The new group, or null when one of that name exists.</returns>
    public StoredLogGroup? TryCreateGroup(string name)
    {
        var created = new StoredLogGroup(Interlocked.Increment(ref _nextGroupId), name,
            $"arn:aws:logs:{_region}:{AccountId}:log-group:{name}", _clock.GetUtcNow());
        if (!_groups.TryAdd(name, created))
        {
            return null;
        }

        _groupsById[created.Id] = created;
        return created;
    }

    /// <summary>The group, creating it when missing: how the simulator makes sure its groups exist.</summary>
    public StoredLogGroup GetOrCreateGroup(string name) =>
        _groups.TryGetValue(name, out var group) ? group : TryCreateGroup(name) ?? _groups[name];

    public void Put(string logGroupName, string logStreamName, IReadOnlyList<InputLogEvent> events)
    {
        var group = GetOrCreateGroup(logGroupName);
        group.TryAddStream(logStreamName);
        var cutoff = Cutoff;
        group.Append(logStreamName,
            events.Select(e => (Timestamp: e.Timestamp.ToUnixTimeMilliseconds(), e.Message)).Where(e => e.Timestamp >= cutoff),
            _clock.GetUtcNow().ToUnixTimeMilliseconds(), FieldNames);
    }

    /// <summary>By name or ARN (with or without the trailing <c>:*</c>), as logGroupIdentifier accepts either.</summary>
    public StoredLogGroup? Find(string nameOrArn)
    {
        if (_groups.TryGetValue(nameOrArn, out var group))
        {
            return group;
        }

        var arn = nameOrArn.EndsWith(":*", StringComparison.Ordinal) ? nameOrArn[..^2] : nameOrArn;
        var prefix = $"arn:aws:logs:{_region}:{AccountId}:log-group:";
        return arn.StartsWith(prefix, StringComparison.Ordinal) && _groups.TryGetValue(arn[prefix.Length..], out group) ? group : null;
    }

    public StoredLogGroup? Find(int id) => _groupsById.GetValueOrDefault(id);

    /// <summary>Every group, ordered by name as DescribeLogGroups lists them.</summary>
    public IReadOnlyList<StoredLogGroup> Groups() => [.. _groups.Values.OrderBy(group => group.Name, StringComparer.Ordinal)];

    /// <summary>The oldest timestamp (epoch ms) still kept: events before it are expired.</summary>
    public long Cutoff => (_clock.GetUtcNow() - Retention).ToUnixTimeMilliseconds();

    /// <summary>Drops segments entirely past the retention; run periodically so memory stays bounded on a long run.</summary>
    public void Trim()
    {
        var cutoff = Cutoff;
        foreach (var group in _groups.Values)
        {
            group.Trim(cutoff);
        }
    }

    /// <summary><c>@log</c>'s value for a group: <c>{account}:{name}</c>.</summary>
    public string LogIdentifier(StoredLogGroup group) => $"{AccountId}:{group.Name}";
}
