using Bunit;
using Kessan.Console.Aws;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Core.Alerts;
using Kessan.Console.Features.Alerts;
using Kessan.Console.Features.Alerts.Live;
using Kessan.Console.Features.Alerts.Pages;
using Kessan.Console.Features.Dashboards.Widgets;
using Kessan.Console.Features.Logs;
using Kessan.Console.Shared.Charts;
using Kessan.Console.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kessan.Console.Tests.Alerts;

/// <summary>/alerts/{id} in bUnit for an alarm alert: the store on a migrated SQLite file, the alarm in
/// <see cref="ScriptedCloudWatch"/>.</summary>
public sealed class AlertDetailPageTests : ConsoleComponentContext, IAsyncLifetime
{
    private const string AlarmName = "Kessan-prod-API-HighErrorRate";
    private readonly AlertDatabaseFile _database = new();
    private AlertDatabaseFile.ConsoleInstance? _console;

    public AlertDetailPageTests()
    {
        this.AddAuthorization().SetAuthorized("viewer");
        Services.AddSingleton(_ => Console.Store);
        Services.AddSingleton(_ => Console.Feed);
        Services.AddSingleton<AlertAcknowledgement>();
        Services.AddSingleton(Options.Create(new AwsOptions { Region = "ap-northeast-1" }));
        Services.AddSingleton(Options.Create(new LogsOptions { ApiLogGroup = "/kessan/test/api" }));
        CloudWatch.Alarms[AlarmName] = new MetricAlarm
        {
            AlarmName = AlarmName, Namespace = "AWS/ApplicationELB", MetricName = "HTTPCode_Target_5XX_Count",
            Statistic = "Sum", Period = 60, EvaluationPeriods = 2, Threshold = 10,
        };
    }

    private AlertDatabaseFile.ConsoleInstance Console => _console ?? throw new InvalidOperationException("The database is not initialized yet.");

    [Fact]
    public async Task An_open_alarm_alerts_chart_shades_its_evaluation_and_the_time_in_alarm_until_now()
    {
        var firedAt = Clock.GetUtcNow().AddMinutes(-10);
        var page = Open(await FireAsync(firedAt));

        Assert.Equal(
            [
                new ChartTimeBand(firedAt.AddMinutes(-2).ToUnixTimeMilliseconds(), firedAt.ToUnixTimeMilliseconds(), "Evaluated", "#ff9800"),
                new ChartTimeBand(firedAt.ToUnixTimeMilliseconds(), Clock.GetUtcNow().ToUnixTimeMilliseconds(), "In alarm", "#d62728"),
            ],
            Chart(page).TimeBands);
    }

    [Fact]
    public async Task A_resolution_ends_the_time_in_alarm_and_the_chart_keeps_its_widget()
    {
        var firedAt = Clock.GetUtcNow().AddMinutes(-10);
        var page = Open(await FireAsync(firedAt));
        var widget = Chart(page).Widget;

        var resolvedAt = firedAt.AddMinutes(5);
        await Console.Store.RecordAsync(AlertSignals.AlarmRecovers(AlarmName, resolvedAt), CancellationToken.None);

        page.WaitForAssertion(() => Assert.Equal(resolvedAt.ToUnixTimeMilliseconds(), Chart(page).TimeBands[1].EndMs));
        Assert.Same(widget, Chart(page).Widget);
    }

    private async Task<long> FireAsync(DateTimeOffset at)
    {
        var outcome = await Console.Store.RecordAsync(AlertSignals.AlarmFires(AlarmName, at), CancellationToken.None);
        return Assert.IsType<SignalOutcome.Opened>(outcome).Alert.Id;
    }

    private IRenderedComponent<AlertDetailPage> Open(long id)
    {
        var page = Render<AlertDetailPage>(parameters => parameters.Add(p => p.Id, id));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid='alarm-chart']")));
        return page;
    }

    private static MetricWidgetView Chart(IRenderedComponent<AlertDetailPage> page) => page.FindComponent<MetricWidgetView>().Instance;

    public new async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _console = _database.NewConsole();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }
}
