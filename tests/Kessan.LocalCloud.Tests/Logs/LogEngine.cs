using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Logs;
using Kessan.LocalCloud.Logs.Insights;
using Kessan.LocalCloud.Logs.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Kessan.LocalCloud.Tests.Logs;

/// <summary>The CloudWatch Logs operations as the endpoint wires them, on a fake clock, without HTTP. The clock
/// starts an hour after <see cref="Start"/>, so the hour from <see cref="Start"/> is the recent past.</summary>
public sealed class LogEngine : IDisposable
{
    public const string Group = "/kessan/test/api";
    public const string Stream = "kessan-api/kessan-api/task-1";
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 5, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    public LogEngine(LogsOptions? logs = null, QueryCheckpoints? checkpoints = null, int chunkSize = 16_384)
    {
        Clock = new FakeTimeProvider(Start.AddHours(1));
        var options = Options.Create(new LocalCloudOptions { Logs = logs ?? new LogsOptions() });
        Store = new LogStore(options, Clock);
        Queries = new InsightsQueries(Store, options, Clock, checkpoints ?? new QueryCheckpoints(), NullLogger<InsightsQueries>.Instance) { ChunkSize = chunkSize };
        Groups = new LogGroupOperations(Store);
        Events = new LogEventOperations(Store, Clock);
        QueryOperations = new QueryOperations(Store, Queries, Clock);
    }

    public FakeTimeProvider Clock { get; }

    public LogStore Store { get; }

    public InsightsQueries Queries { get; }

    public LogGroupOperations Groups { get; }

    public LogEventOperations Events { get; }

    public QueryOperations QueryOperations { get; }

    public static DateTimeOffset Minute(double minutesAfterStart) => Start.AddMinutes(minutesAfterStart);

    /// <summary>Creates the group and streams when missing.</summary>
    public LogEngine WithStream(string group = Group, string stream = Stream)
    {
        if (Store.Find(group) is null)
        {
            Groups.CreateLogGroup(new CreateLogGroupRequest { LogGroupName = group }, CancellationToken.None);
        }

        if (!Store.Find(group)!.HasStream(stream))
        {
            Groups.CreateLogStream(new CreateLogStreamRequest(group, stream), CancellationToken.None);
        }

        return this;
    }

    /// <summary>Puts events into <see cref="Stream"/> of <see cref="Group"/> (created when missing), one a minute
    /// from <see cref="Start"/> unless they say otherwise.</summary>
    public PutLogEventsResponse Put(params string[] messages) =>
        Put([.. messages.Select((message, i) => new InputLogEvent(Minute(i), message))]);

    public PutLogEventsResponse Put(IReadOnlyList<InputLogEvent> events, string group = Group, string stream = Stream)
    {
        WithStream(group, stream);
        return Events.PutLogEvents(new PutLogEventsRequest { LogGroupName = group, LogStreamName = stream, LogEvents = events }, CancellationToken.None);
    }

    /// <summary>Runs a query over the hour from <see cref="Start"/> (or the given range) and waits for it to finish.</summary>
    public async Task<QueryAnswer> QueryAsync(string query, int? limit = null, DateTimeOffset? from = null, DateTimeOffset? to = null, params string[] groups)
    {
        var id = StartQuery(query, limit, from, to, groups);
        await Queries.Find(id)!.Finished.WaitAsync(Deadline);
        return Results(id);
    }

    public string StartQuery(string query, int? limit = null, DateTimeOffset? from = null, DateTimeOffset? to = null, params string[] groups) =>
        QueryOperations.StartQuery(new StartQueryRequest
        {
            LogGroupNames = groups.Length > 0 ? groups : [Group],
            StartTime = from ?? Start,
            EndTime = to ?? Start.AddHours(1),
            QueryString = query,
            Limit = limit,
        }, CancellationToken.None).QueryId!;

    public QueryAnswer Results(string queryId) =>
        new(QueryOperations.GetQueryResults(new GetQueryResultsRequest { QueryId = queryId }, CancellationToken.None));

    public void Dispose() => Queries.Dispose();
}

/// <summary>GetQueryResults, with rows as field → value.</summary>
public sealed record QueryAnswer(GetQueryResultsResponse Response)
{
    public string Status => Response.Status!;

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows => [.. Response.Results!.Select(row => row.ToDictionary())];

    public QueryStatistics Statistics => Response.Statistics!;

    /// <summary>One column of every row; rows without the field give null.</summary>
    public IReadOnlyList<string?> Column(string field) => [.. Rows.Select(row => row.GetValueOrDefault(field))];

    /// <summary>The field names of each row, in order, without @ptr.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Columns => [.. Response.Results!.Select(row => (IReadOnlyList<string>)[.. row.Select(f => f.Field!).Where(f => f != "@ptr")])];
}
