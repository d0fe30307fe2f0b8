using System.Net;
using System.Text.Json;
using Kessan.Console.Features.Alerts.Sources;
using Kessan.Console.Features.Dashboards;
using Kessan.Console.Features.LocalMode;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Tests.Integration;

public sealed class HealthEndpointTests(LocalConsole console) : IClassFixture<LocalConsole>
{
    [Fact]
    public async Task Healthz_answers_while_the_process_is_alive()
    {
        using var response = await console.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_says_the_CloudWatch_endpoint_answers()
    {
        using var response = await console.CreateClient().GetAsync("/readyz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("cloudwatch").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Local_mode_serves_the_seed_dashboards_through_the_real_client()
    {
        var catalog = console.Services.GetRequiredService<DashboardCatalog>();

        var dashboards = await catalog.ListAsync(CancellationToken.None);

        Assert.True(console.Services.GetRequiredService<DataSource>().IsLocal);
        Assert.Equal(["Kessan-local-Main", "Kessan-local-Performance"], dashboards.Select(d => d.Name));
    }

    [Fact]
    public async Task An_unknown_dashboard_is_reported_as_not_existing()
    {
        var lookup = await console.Services.GetRequiredService<DashboardCatalog>().GetAsync("No-Such-Dashboard", CancellationToken.None);

        Assert.False(lookup.Exists);
    }

    [Fact]
    public async Task Local_mode_trusts_LocalClouds_SNS_certificate_and_alerts_topic()
    {
        var trust = console.Services.GetRequiredService<SnsTrust>();
        var certificate = new Uri(console.Services.GetRequiredService<EmbeddedLocalCloud>().Address, "/_localcloud/sns/SimpleNotificationService.pem");

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (trust.CheckCertificateUrl(certificate.AbsoluteUri) is not null)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }

        Assert.True(trust.IsAllowedTopic("arn:aws:sns:ap-northeast-1:000000000000:kessan-local-alerts"));
    }
}
