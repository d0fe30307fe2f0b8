using Kessan.Console.Aws.CloudWatchLogs;
using Kessan.LocalCloud.Logs;
using Kessan.LocalCloud.Protocol;

namespace Kessan.LocalCloud.Tests.Logs;

public sealed class PutLogEventsTests : IDisposable
{
    private readonly LogEngine _engine = new LogEngine(new LogsOptions { Retention = TimeSpan.FromDays(3) }).WithStream();

    private DateTimeOffset Now => _engine.Clock.GetUtcNow();

    [Fact]
    public void Events_out_of_chronological_order_are_refused_naming_the_event()
    {
        var error = Refuse(Event(Now), Event(Now.AddSeconds(-1)));

        Assert.Equal(("InvalidParameterException",
            "Log events in a single PutLogEvents request must be in chronological order: logEvents[1] is earlier than logEvents[0]."), (error.Type, error.Message));
    }

    [Fact]
    public void More_than_10000_events_are_refused()
    {
        var error = Refuse([.. Enumerable.Range(0, 10_001).Select(_ => Event(Now))]);

        Assert.Contains("Member must have length between 1 and 10000 (it has 10001)", error.Message);
    }

    [Fact]
    public void A_batch_over_1_MiB_counting_26_bytes_an_event_is_refused()
    {
        var message = new string('x', 1_048_576 / 2 - 26);

        var error = Refuse(Event(Now, message), Event(Now, message + "x"));

        Assert.StartsWith("Upload too large: 1048577 bytes exceeds limit of 1048576", error.Message);
    }

    [Fact]
    public void An_empty_message_is_refused_naming_the_event()
    {
        var error = Refuse(Event(Now), Event(Now, ""));

        Assert.Contains("'logEvents.2.member.message'", error.Message);
    }

    [Fact]
    public void Events_more_than_two_hours_ahead_are_rejected_from_tooNewLogEventStartIndex()
    {
        var response = Put(Event(Now), Event(Now.AddHours(2)), Event(Now.AddHours(2).AddMilliseconds(1)), Event(Now.AddHours(3)));

        Assert.Equal(new RejectedLogEventsInfo { TooNewLogEventStartIndex = 2 }, response.RejectedLogEventsInfo);
        Assert.Equal(2, StoredCount());
    }

    [Fact]
    public void Events_older_than_14_days_are_rejected_up_to_tooOldLogEventEndIndex()
    {
        var engine = new LogEngine(new LogsOptions { Retention = TimeSpan.FromDays(15) }).WithStream();
        var now = engine.Clock.GetUtcNow();

        var response = engine.Put([Event(now.AddDays(-14).AddMinutes(-2)), Event(now.AddDays(-14).AddMinutes(-1)), Event(now.AddDays(-13))]);

        Assert.Equal(new RejectedLogEventsInfo { TooOldLogEventEndIndex = 2 }, response.RejectedLogEventsInfo);
    }

    [Fact]
    public void Events_before_the_retention_are_expired()
    {
        var response = Put(Event(Now.AddDays(-3).AddMinutes(-1)), Event(Now.AddDays(-1)));

        Assert.Equal(new RejectedLogEventsInfo { ExpiredLogEventEndIndex = 1 }, response.RejectedLogEventsInfo);
        Assert.Equal(1, StoredCount());
    }

    [Fact]
    public void A_batch_whose_accepted_events_span_more_than_24_hours_is_refused()
    {
        var error = Refuse(Event(Now.AddHours(-25)), Event(Now));

        Assert.Equal("The batch of log events in a single PutLogEvents request cannot span more than 24 hours.", error.Message);
    }

    [Fact]
    public void A_batch_is_accepted_whole_without_rejected_info()
    {
        var response = Put(Event(Now.AddHours(-23)), Event(Now));

        Assert.Null(response.RejectedLogEventsInfo);
        Assert.Equal(2, StoredCount());
    }

    [Fact]
    public void A_stream_that_does_not_exist_is_ResourceNotFoundException()
    {
        var error = Assert.Throws<AwsServiceException>(() => _engine.Events.PutLogEvents(new PutLogEventsRequest
        {
            LogGroupName = LogEngine.Group,
            LogStreamName = "missing",
            LogEvents = [Event(Now)],
        }, CancellationToken.None));

        Assert.Equal(("ResourceNotFoundException", "The specified log stream does not exist."), (error.Type, error.Message));
    }

    [Fact]
    public void A_log_group_that_does_not_exist_is_ResourceNotFoundException()
    {
        var error = Assert.Throws<AwsServiceException>(() => _engine.Events.PutLogEvents(new PutLogEventsRequest
        {
            LogGroupName = "/nowhere",
            LogStreamName = LogEngine.Stream,
            LogEvents = [Event(Now)],
        }, CancellationToken.None));

        Assert.Equal(("ResourceNotFoundException", "The specified log group does not exist."), (error.Type, error.Message));
    }

    [Fact]
    public async Task A_256_KiB_message_is_stored_and_read_back_whole()
    {
        var message = "{\"event\":\"big\",\"payload\":\"" + new string('k', 256 * 1024) + "\"}";
        Put(Event(Now.AddMinutes(-1), message));

        var answer = await _engine.QueryAsync("fields @message, strlen(payload) as length", from: Now.AddHours(-1), to: Now);

        Assert.Equal((message, "262144"), (answer.Rows.Single()["@message"], answer.Rows.Single()["length"]));
    }

    [Fact]
    public void Stored_bytes_grow_with_the_messages()
    {
        Put(Event(Now, "12345"), Event(Now, "ü"));

        Assert.Equal(7, _engine.Store.Find(LogEngine.Group)!.StoredBytes);
    }

    private static InputLogEvent Event(DateTimeOffset at, string message = "{\"event\":\"api_request\"}") => new(at, message);

    private PutLogEventsResponse Put(params InputLogEvent[] events) => _engine.Put(events);

    private AwsServiceException Refuse(params InputLogEvent[] events) => Assert.Throws<AwsServiceException>(() => Put(events));

    private int StoredCount() => _engine.Store.Find(LogEngine.Group)!.Segments.Sum(segment => segment.View().Count);

    public void Dispose() => _engine.Dispose();
}
