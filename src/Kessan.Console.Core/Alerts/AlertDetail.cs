namespace Kessan.Console.Core.Alerts;

/// <summary>An alert with its whole audit trail, oldest event first.</summary>
public sealed record AlertDetail(Alert Alert, IReadOnlyList<AlertEvent> Events);
