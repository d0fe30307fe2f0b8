using Kessan.LocalCloud.Alarms;
using Kessan.LocalCloud.Simulator.Incidents;
using Kessan.LocalCloud.Simulator.Projections;
using Kessan.LocalCloud.Tests.Simulator;

namespace Kessan.LocalCloud.Tests.Alarms;

/// <summary>The seed's alarms against the simulated backend: the simulator publishes minute by minute into the
/// metric store and the evaluator runs each minute, on a fake clock, as in a LocalCloud that runs for real.</summary>
public sealed class SeedAlarmTests
{
    private static readonly TimeSpan IncidentLength = TimeSpan.FromMinutes(20);


    [Fact]
    public void The_seed_alarms_are_installed_as_the_seed_defines_them()
    {
        var rig = new AlarmRig(SimulatedTraffic.Wednesday);

        InstallSeedAlarms(rig);

        Assert.Equal(
            [
                "Kessan-local-API-HighErrorRate APIRequests Kessan/Business Sum 300x2 GreaterThanThreshold 10 StatusCode=500",
                "Kessan-local-API-HighResponseTime APIResponseTime Kessan/Business Average 300x2 GreaterThanThreshold 1000 Endpoint=/stocks/search",
                "Kessan-local-DB-HighConnections DatabaseConnections AWS/RDS Average 300x2 GreaterThanThreshold 80 DBInstanceIdentifier=kessan-db-local",
                "Kessan-local-ECS-HighCPU CPUUtilization AWS/ECS Average 300x3 GreaterThanThreshold 80 ServiceName=kessan-api-service,ClusterName=kessan-local",
            ],
            rig.Alarms.List().Select(a => a.Definition).Select(d =>
                $"{d.Name} {d.Metric.MetricName} {d.Metric.Namespace} {d.Statistic} {d.Period}x{d.EvaluationPeriods} {d.Comparison} {d.Threshold} " +
                string.Join(',', d.Metric.Dimensions!.Select(x => $"{x.Name}={x.Value}"))));
    }

    [Fact]
    public void The_seed_alarms_notify_the_alerts_topic_on_alarm_and_on_recovery()
    {
        var rig = new AlarmRig(SimulatedTraffic.Wednesday);

        InstallSeedAlarms(rig);

        Assert.All(rig.Alarms.List().Select(a => a.Definition), d =>
            Assert.Equal(
                "ALARM: arn:aws:sns:ap-northeast-1:000000000000:kessan-local-alerts; OK: arn:aws:sns:ap-northeast-1:000000000000:kessan-local-alerts; missing data: unset",
                $"ALARM: {string.Join(',', d.AlarmActions)}; OK: {string.Join(',', d.OkActions)}; missing data: {d.TreatMissingData?.WireName() ?? "unset"}"));
    }

    /// <summary>The alarm may go back and forth once the incident is over: APIRequests by StatusCode=500 has no datapoint
    /// in a minute without errors and the seed leaves missing data as missing, so, as CloudWatch does, an evaluation
    /// whose newest periods are empty looks back at the older, breaching ones until they leave the evaluation range.</summary>
    [Theory]
    [MemberData(nameof(IncidentCases.AtQuietAndBusyHours), MemberType = typeof(IncidentCases))]
    public void An_incident_fires_its_alarm_and_the_alarm_leaves_ALARM_after_it(string kind, string alarm, int tokyoHour)
    {
        Assert.True(IncidentKinds.TryParse(kind, out var incidentKind));
        var day = tokyoHour < 8 ? SimulatedTraffic.Sunday : SimulatedTraffic.Wednesday;
        var start = day.AddHours(tokyoHour).AddMinutes(7);
        var rig = new AlarmRig(start.AddHours(-1));
        InstallSeedAlarms(rig);

        Run(rig, new SimulatedTraffic().WithIncident(incidentKind, start, IncidentLength), start.AddHours(-1), start + IncidentLength + TimeSpan.FromMinutes(45));

        var transitions = rig.Transitions($"Kessan-local-{alarm}");
        var fired = transitions.First(t => t.State == "ALARM").At;
        Assert.True(fired > start && fired < start + IncidentLength, $"{alarm} should fire during the incident; its transitions: {Describe(transitions)}");
        Assert.True(transitions[^1].State != "ALARM" && transitions[^1].At > start + IncidentLength,
            $"{alarm} should leave ALARM after the incident; its transitions: {Describe(transitions)}");
    }

    [Theory]
    [InlineData("API-HighResponseTime")]
    [InlineData("ECS-HighCPU")]
    [InlineData("DB-HighConnections")]
    public void A_gauge_alarm_is_OK_again_once_its_incident_is_over(string alarm)
    {
        var kind = alarm switch
        {
            "API-HighResponseTime" => IncidentKind.LatencySpike,
            "ECS-HighCPU" => IncidentKind.CpuSurge,
            _ => IncidentKind.DbConnectionSurge,
        };
        var start = SimulatedTraffic.Wednesday.AddHours(10).AddMinutes(7);
        var rig = new AlarmRig(start.AddHours(-1));
        InstallSeedAlarms(rig);

        Run(rig, new SimulatedTraffic().WithIncident(kind, start, IncidentLength), start.AddHours(-1), start + IncidentLength + TimeSpan.FromMinutes(45));

        Assert.Equal(AlarmStateValue.Ok, rig.StateOf($"Kessan-local-{alarm}"));
    }

    [Fact]
    public void No_alarm_fires_on_a_normal_day()
    {
        var rig = new AlarmRig(SimulatedTraffic.Wednesday);
        InstallSeedAlarms(rig);

        Run(rig, new SimulatedTraffic(), SimulatedTraffic.Wednesday, SimulatedTraffic.Wednesday.AddDays(1));

        Assert.All(rig.Alarms.List(), alarm => Assert.DoesNotContain("ALARM", rig.Transitions(alarm.Definition.Name).Select(t => t.State)));
    }

    /// <summary>Each minute: the minute that just closed is published, stamped with its start as the simulator does,
    /// then the alarms are evaluated.</summary>
    private static void Run(AlarmRig rig, SimulatedTraffic traffic, DateTimeOffset from, DateTimeOffset to)
    {
        foreach (var sample in traffic.Samples(from, to))
        {
            rig.Clock.SetUtcNow(sample.Start + sample.Length);
            foreach (var batch in MetricProjection.Project(sample, SimulatedTraffic.Environment))
            {
                rig.Put(batch.Namespace, [.. batch.Data]);
            }

            rig.Evaluator.EvaluateAll();
        }
    }

    private static void InstallSeedAlarms(AlarmRig rig)
    {
        foreach (var request in SeedAlarms.For(SimulatedTraffic.Environment, "ap-northeast-1", "000000000000"))
        {
            rig.Alarms.Put(AlarmRequestRules.Definition(request));
        }
    }

    private static string Describe(IEnumerable<(DateTimeOffset At, string State)> transitions) =>
        string.Join(", ", transitions.Select(t => $"{t.State} at {t.At.ToOffset(TimeSpan.FromHours(9)):MM-dd HH:mm}"));
}
