using System.Text.Json;
using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Core.Tests.Alerts;

public sealed class AlertLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_firing_with_nothing_open_opens_an_alert() =>
        Assert.Equal(FiringDecision.Open, AlertLifecycle.DecideFiring(Firing(T0), open: null, lastResolvedAt: null));

    [Fact]
    public void A_firing_while_an_alert_is_open_repeats_it() =>
        Assert.Equal(FiringDecision.Repeat, AlertLifecycle.DecideFiring(Firing(T0.AddMinutes(1)), Alert(AlertState.Triggered), lastResolvedAt: null));

    [Fact]
    public void A_firing_after_the_last_resolution_opens_a_new_alert() =>
        Assert.Equal(FiringDecision.Open, AlertLifecycle.DecideFiring(Firing(T0.AddMinutes(10)), open: null, lastResolvedAt: T0.AddMinutes(5)));

    [Fact]
    public void A_firing_from_before_the_last_resolution_is_outdated() =>
        Assert.Equal(FiringDecision.Outdated, AlertLifecycle.DecideFiring(Firing(T0.AddMinutes(2)), open: null, lastResolvedAt: T0.AddMinutes(5)));

    [Fact]
    public void A_resolution_from_before_the_last_firing_does_not_end_the_alert() =>
        Assert.Equal(ResolutionDecision.Outdated, AlertLifecycle.DecideResolution(Resolution(T0.AddMinutes(-1)), Alert(AlertState.Triggered)));

    [Theory]
    [InlineData(AlertState.Triggered)]
    [InlineData(AlertState.Acknowledged)]
    public void An_open_alert_resolves_from_triggered_or_acknowledged(AlertState state) =>
        Assert.Equal(ResolutionDecision.Resolve, AlertLifecycle.DecideResolution(Resolution(T0.AddMinutes(5)), Alert(state)));

    [Fact]
    public void Only_a_triggered_alert_can_be_acknowledged() =>
        Assert.Null(AlertLifecycle.RefuseAcknowledgement(Alert(AlertState.Triggered)));

    [Fact]
    public void An_acknowledged_alert_refuses_naming_who_and_when() =>
        Assert.Equal(new AcknowledgeResult.AlreadyAcknowledged("alice", T0.AddMinutes(1)),
            AlertLifecycle.RefuseAcknowledgement(Alert(AlertState.Acknowledged) with { AcknowledgedBy = "alice", AcknowledgedAt = T0.AddMinutes(1) }));

    [Fact]
    public void A_resolved_alert_refuses_saying_when_it_was_resolved() =>
        Assert.Equal("Already resolved at 2026-11-20T05:07:00Z; nothing was changed.",
            AlertLifecycle.RefuseAcknowledgement(Alert(AlertState.Resolved) with { ResolvedAt = T0.AddMinutes(7) })!.Message);

    [Fact]
    public void No_alert_is_not_found() =>
        Assert.IsType<AcknowledgeResult.NotFound>(AlertLifecycle.RefuseAcknowledgement(null));

    [Fact]
    public void Severity_groups_come_most_urgent_first() =>
        Assert.Equal(["critical", "low"], AlertGroup.Of(
            [Alert(AlertState.Triggered) with { Severity = AlertSeverity.Low }, Alert(AlertState.Triggered) with { Severity = AlertSeverity.Critical }],
            AlertGrouping.Severity).Select(g => g.Key));

    private static AlertFiring Firing(DateTimeOffset at) =>
        (AlertFiring)new ApplicationAlertReport { Title = "High CPU Usage", Message = "92%", Severity = AlertSeverity.High, Timestamp = at }.ToSignal();

    private static AlertResolution Resolution(DateTimeOffset at) =>
        (AlertResolution)new ApplicationAlertReport { Title = "High CPU Usage", Timestamp = at, Resolve = true }.ToSignal();

    private static Alert Alert(AlertState state) => new()
    {
        Id = 1,
        Source = AlertSource.Application,
        DedupKey = "High CPU Usage",
        Title = "High CPU Usage",
        Message = "92%",
        Severity = AlertSeverity.High,
        Context = JsonSerializer.SerializeToElement(new { }),
        State = state,
        TriggeredAt = T0,
        LastFiredAt = T0,
        FireCount = 1,
    };
}
