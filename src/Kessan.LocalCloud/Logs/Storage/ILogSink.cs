using Kessan.Console.Aws.CloudWatchLogs;

namespace Kessan.LocalCloud.Logs.Storage;

/// <summary>Where the traffic simulator writes log events: like PutLogEvents, but the group and stream are made
/// when missing (the simulator owns them) and events past the retention are dropped rather than reported.</summary>
public interface ILogSink
{
    /// <param name="events">In chronological order.</param>
    void Put(string logGroupName, string logStreamName, IReadOnlyList<InputLogEvent> events);
}
