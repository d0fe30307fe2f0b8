namespace Kessan.LocalCloud.Alarms;

/// <summary>One DescribeAlarmHistory item.</summary>
/// <param name="Sequence">Order of writing; history is written in time order, so it orders by Timestamp too.</param>
/// <param name="ItemType">ConfigurationUpdate, StateUpdate or Action.</param>
/// <param name="Data">HistoryData: JSON text.</param>
public sealed record AlarmHistoryEntry(long Sequence, string AlarmName, DateTimeOffset Timestamp, string ItemType, string Summary, string Data);

/// <param name="Last">The sequence of the last entry of the page, when more entries follow it.</param>
public sealed record AlarmHistoryPage(IReadOnlyList<AlarmHistoryEntry> Entries, long? Last);
