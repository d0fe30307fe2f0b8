using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Features.LocalMode;
using Kessan.Console.Testing;
using Kessan.LocalCloud.Logs.Insights;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Kessan.Console.BrowserTests.Support;

/// <summary>The whole console in local mode, in this process, on a real loopback port: embedded LocalCloud, the
/// simulator, the real AWS client over HTTP. Time is a FakeTimeProvider the tests advance; the CloudWatch client
/// can be told to fail, every GetMetricData call the refresher makes is counted, and Insights queries can be held mid-run. The <see cref="TestUsers"/> sign in.</summary>
public sealed class ConsoleServer : InProcessConsole
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "kessan-browser-tests-" + Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public CloudWatchFaults Faults { get; } = new();

    /// <summary>Holds the embedded LocalCloud's Logs Insights queries mid-run when armed.</summary>
    public QueryHold Queries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Dashboards:CatalogCacheDuration", "00:00:00");
        builder.UseSetting("Alerts:Database", Path.Combine(_dataFolder, "alerts.db"));
        builder.UseTestUsers();
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services.AddSingleton(new LocalCloudServices(localCloud => localCloud.Replace(ServiceDescriptor.Singleton<QueryCheckpoints>(Queries))));
            var client = services.Single(s => s.ServiceType == typeof(ICloudWatch));
            services.Remove(client);
            services.AddSingleton<ICloudWatch>(provider =>
                new FaultyCloudWatch((ICloudWatch)ActivatorUtilities.CreateInstance(provider, client.ImplementationType!), Faults));
        });
    }

    /// <summary>The embedded LocalCloud's address, for starting incidents as an operator would with curl.</summary>
    public Uri LocalCloudAddress => Services.GetRequiredService<EmbeddedLocalCloud>().Address;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}

/// <summary>Makes the console's CloudWatch unreachable until told otherwise.</summary>
public sealed class CloudWatchFaults
{
    public volatile bool Unreachable;
}

internal sealed class FaultyCloudWatch(ICloudWatch inner, CloudWatchFaults faults) : ICloudWatch
{
    private Task<T> Call<T>(Func<Task<T>> call) =>
        faults.Unreachable ? Task.FromException<T>(Unreachable()) : call();

    private Task Call(Func<Task> call) =>
        faults.Unreachable ? Task.FromException(Unreachable()) : call();

    private static HttpRequestException Unreachable() => new("Connection refused (127.0.0.1)");

    public Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken cancellationToken) =>
        Call(() => inner.GetMetricDataAsync(request, cancellationToken));

    public Task<ListMetricsResponse> ListMetricsAsync(ListMetricsRequest request, CancellationToken cancellationToken) =>
        Call(() => inner.ListMetricsAsync(request, cancellationToken));

    public Task<ListDashboardsResponse> ListDashboardsAsync(ListDashboardsRequest request, CancellationToken cancellationToken) =>
        Call(() => inner.ListDashboardsAsync(request, cancellationToken));

    public Task<GetDashboardResponse> GetDashboardAsync(GetDashboardRequest request, CancellationToken cancellationToken) =>
        Call(() => inner.GetDashboardAsync(request, cancellationToken));

    public Task<PutDashboardResponse> PutDashboardAsync(PutDashboardRequest request, CancellationToken cancellationToken) =>
        Call(() => inner.PutDashboardAsync(request, cancellationToken));

    public Task PutMetricDataAsync(PutMetricDataRequest request, CancellationToken cancellationToken) =>
        Call(() => inner.PutMetricDataAsync(request, cancellationToken));

    public Task PutMetricAlarmAsync(PutMetricAlarmRequest request, CancellationToken cancellationToken) =>
        Call(() => inner.PutMetricAlarmAsync(request, cancellationToken));

    public Task<DescribeAlarmsResponse> DescribeAlarmsAsync(DescribeAlarmsRequest request, CancellationToken cancellationToken) =>
        Call(() => inner.DescribeAlarmsAsync(request, cancellationToken));

    public Task<DescribeAlarmHistoryResponse> DescribeAlarmHistoryAsync(DescribeAlarmHistoryRequest request, CancellationToken cancellationToken) =>
        Call(() => inner.DescribeAlarmHistoryAsync(request, cancellationToken));

    public Task SetAlarmStateAsync(SetAlarmStateRequest request, CancellationToken cancellationToken) =>
        Call(() => inner.SetAlarmStateAsync(request, cancellationToken));

    public Task DeleteAlarmsAsync(DeleteAlarmsRequest request, CancellationToken cancellationToken) =>
        Call(() => inner.DeleteAlarmsAsync(request, cancellationToken));
}
