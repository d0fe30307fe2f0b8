namespace Kessan.Console.Core.Alerts;

/// <summary>One event of the alert timeline (history page and CSV), with the alert it belongs to.</summary>
public sealed record AlertTimelineEntry(AlertEvent Event, Alert Alert);
