using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Core.Tests.Alerts;

public sealed class AlarmTransitionTests
{
    private static readonly DateTimeOffset ChangedAt = new(2026, 11, 20, 5, 0, 0, 123, TimeSpan.Zero);
    private static readonly AlarmSeverityMap Severities = new(new Dictionary<string, AlertSeverity> { ["Kessan-prod-API-HighErrorRate"] = AlertSeverity.Critical }, AlertSeverity.Medium);

    [Fact]
    public void The_same_transition_from_history_and_from_SNS_has_one_key()
    {
        Assert.True(AlarmTransition.TryReadHistory("Kessan-prod-API-HighErrorRate", ChangedAt,
            """{"version":"1.0","oldState":{"stateValue":"OK","stateReason":"ok"},"newState":{"stateValue":"ALARM","stateReason":"Threshold Crossed","stateReasonData":"{\"version\":\"1.0\"}"}}""",
            out var fromHistory));
        Assert.True(AlarmTransition.TryReadNotification(
            """{"AlarmName":"Kessan-prod-API-HighErrorRate","NewStateValue":"ALARM","OldStateValue":"OK","NewStateReason":"Threshold Crossed","StateChangeTime":"2026-11-20T05:00:00.123+0000","Trigger":{"MetricName":"5XXError"}}""",
            out var fromSns, out _));

        Assert.Equal(fromHistory.TransitionKey, fromSns.TransitionKey);
    }

    [Fact]
    public void An_alarm_gets_its_configured_severity_else_the_default()
    {
        var configured = (AlertFiring)Transition("Kessan-prod-API-HighErrorRate", "ALARM").ToSignal(Severities)!;
        var other = (AlertFiring)Transition("Kessan-prod-ECS-HighCPU", "ALARM").ToSignal(Severities)!;

        Assert.Equal((AlertSeverity.Critical, AlertSeverity.Medium), (configured.Severity, other.Severity));
    }

    [Fact]
    public void OK_resolves_and_insufficient_data_says_nothing()
    {
        Assert.IsType<AlertResolution>(Transition("a", "OK").ToSignal(Severities));
        Assert.Null(Transition("a", "INSUFFICIENT_DATA").ToSignal(Severities));
    }

    [Fact]
    public void A_notification_without_a_state_change_time_is_refused_with_the_reason()
    {
        Assert.False(AlarmTransition.TryReadNotification("""{"AlarmName":"a","NewStateValue":"ALARM"}""", out _, out var error));

        Assert.Equal("Message.StateChangeTime must be an ISO-8601 time.", error);
    }

    private static AlarmTransition Transition(string name, string state) =>
        new(name, "", state, "reason", ChangedAt, System.Text.Json.JsonSerializer.SerializeToElement(new { }));
}
