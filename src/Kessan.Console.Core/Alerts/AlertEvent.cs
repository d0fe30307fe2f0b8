namespace Kessan.Console.Core.Alerts;

/// <summary>One transition of an alert: the audit trail. <paramref name="Actor"/> is who made it ("CloudWatch",
/// "application", or the signed-in user); <paramref name="Detail"/> what the source said (an alarm's reason).</summary>
public sealed record AlertEvent(long Id, long AlertId, AlertEventKind Kind, DateTimeOffset At, string Actor, string? Note, string? Detail);
