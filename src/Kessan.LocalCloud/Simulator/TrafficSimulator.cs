using Kessan.LocalCloud.Dashboards;
using Kessan.LocalCloud.Logs.Storage;
using Kessan.LocalCloud.Metrics;
using Kessan.LocalCloud.Simulator.Incidents;
using Kessan.LocalCloud.Simulator.Projections;
using Kessan.LocalCloud.Simulator.Traffic;
using Microsoft.Extensions.Options;

namespace Kessan.LocalCloud.Simulator;

/// <summary>Plays the Kessan backend: installs the seed's dashboards, back-fills history in one-minute slices up to now,
/// then publishes a slice of <c>PublishInterval</c> every <c>PublishInterval</c>: its metrics and the structlog lines of
/// the same requests. Runs on the injected clock, so a
/// FakeTimeProvider drives it in tests.</summary>
public sealed partial class TrafficSimulator(
    TrafficModel model,
    IncidentCalendar incidents,
    IMetricSink sink,
    ILogSink logs,
    DashboardStore dashboards,
    IOptions<LocalCloudOptions> options,
    TimeProvider clock,
    ILogger<TrafficSimulator> logger) : BackgroundService
{
    private static readonly TimeSpan BackfillSlice = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Incident> _running = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // Dashboards are installed even with the simulator disabled: they are the seed's configuration, not traffic,
        // and a console pointed at LocalCloud should find them either way.
        foreach (var (name, body) in SeedDashboards.For(settings.Environment))
        {
            dashboards.Put(name, body);
        }

        var simulator = settings.Simulator;
        if (!simulator.Enabled)
        {
            LogDisabled();
            return;
        }

        LogStarting(simulator.Seed, settings.Environment, simulator.PublishInterval, simulator.IncidentEvery, simulator.IncidentDuration);

        // The timer exists before the back-fill runs, so a tick that falls due meanwhile is not lost.
        using var timer = new PeriodicTimer(simulator.PublishInterval, clock);
        var cursor = Backfill(simulator.Backfill, settings.Environment);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            cursor = PublishUpToNow(cursor, simulator.PublishInterval, settings.Environment);
        }
    }

    /// <summary>Publishes one-minute slices over the <paramref name="span"/> before now (to the minute) and returns where it stopped.</summary>
    private DateTimeOffset Backfill(TimeSpan span, string environment)
    {
        var end = FloorToMinute(clock.GetUtcNow());
        var start = FloorToMinute(end - span);
        var slices = 0;
        var datums = 0;
        for (var slice = start; slice < end; slice += BackfillSlice)
        {
            datums += Publish(slice, BackfillSlice, environment);
            slices++;
        }

        LogBackfilled(slices, datums, start, end, incidents.Overlapping(start, end).Count);
        return end;
    }

    /// <summary>Publishes every whole slice between <paramref name="cursor"/> and now; a late tick catches up.</summary>
    private DateTimeOffset PublishUpToNow(DateTimeOffset cursor, TimeSpan length, string environment)
    {
        var now = clock.GetUtcNow();
        for (; cursor + length <= now; cursor += length)
        {
            Publish(cursor, length, environment);
            ReportIncidents(cursor, cursor + length);
        }

        return cursor;
    }

    /// <summary>Publishes one slice; returns how many datums went to the sink.</summary>
    private int Publish(DateTimeOffset start, TimeSpan length, string environment)
    {
        var datums = 0;
        try
        {
            var sample = model.Sample(start, length, incidents.Overlapping(start, start + length));
            // Logs first: once a slice's metrics can be read, the log lines behind them can be queried too.
            foreach (var batch in LogProjection.Project(sample, environment, options.Value.Simulator.Seed))
            {
                logs.Put(batch.LogGroupName, batch.LogStreamName, batch.Events);
            }

            foreach (var batch in MetricProjection.Project(sample, environment))
            {
                sink.Put(batch.Namespace, batch.Data);
                datums += batch.Data.Count;
            }
        }
        catch (Exception exception)
        {
            // A slice the store refuses must not stop the simulator, nor the LocalCloud (or console) hosting it.
            LogPublishFailed(exception, start);
        }

        return datums;
    }

    private void ReportIncidents(DateTimeOffset from, DateTimeOffset to)
    {
        foreach (var incident in incidents.Overlapping(from, to))
        {
            if (_running.TryAdd(incident.Id, incident))
            {
                LogIncidentStarted(incident.Id, incident.Kind.WireName(), incident.Origin, incident.Start, incident.End);
            }
        }

        foreach (var incident in _running.Values.Where(i => i.End <= to).ToList())
        {
            _running.Remove(incident.Id);
            LogIncidentEnded(incident.Id, incident.Kind.WireName(), incident.End);
        }
    }

    private static DateTimeOffset FloorToMinute(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    [LoggerMessage(Level = LogLevel.Information, Message = "Traffic simulator disabled (LocalCloud:Simulator:Enabled=false): dashboards installed, no traffic published")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Traffic simulator starting: seed {Seed}, environment {Environment}, publishing every {PublishInterval}, an incident every {IncidentEvery} lasting {IncidentDuration}")]
    private partial void LogStarting(int seed, string environment, TimeSpan publishInterval, TimeSpan incidentEvery, TimeSpan incidentDuration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Back-filled {Slices} one-minute slices ({Datums} datums, {Incidents} incidents) from {From:O} to {To:O}")]
    private partial void LogBackfilled(int slices, int datums, DateTimeOffset from, DateTimeOffset to, int incidents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incident {IncidentId} ({IncidentType}, {Origin}) under way from {Start:O} to {End:O}")]
    private partial void LogIncidentStarted(string incidentId, string incidentType, IncidentOrigin origin, DateTimeOffset start, DateTimeOffset end);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incident {IncidentId} ({IncidentType}) ended at {End:O}")]
    private partial void LogIncidentEnded(string incidentId, string incidentType, DateTimeOffset end);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing the simulated slice starting {SliceStart:O} failed")]
    private partial void LogPublishFailed(Exception exception, DateTimeOffset sliceStart);
}
