using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.Tests.Plumbing;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Aws.Tests.Configuration;

/// <summary>Which endpoint each service is called at, in the order the AWS SDKs use.</summary>
public sealed class EndpointResolutionTests
{
    [Theory]
    [InlineData(AwsService.CloudWatch, "https://monitoring.ap-northeast-1.amazonaws.com/")]
    [InlineData(AwsService.CloudWatchLogs, "https://logs.ap-northeast-1.amazonaws.com/")]
    public void Without_overrides_the_regional_AWS_endpoint_is_used(AwsService service, string expected)
    {
        Assert.Equal(new Uri(expected), Resolve(new AwsClientBuilder(), service));
    }

    [Fact]
    public void China_regions_use_their_own_domain()
    {
        Assert.Equal(
            new Uri("https://monitoring.cn-north-1.amazonaws.com.cn/"),
            Resolve(new AwsClientBuilder().With("Aws:Region", "cn-north-1"), AwsService.CloudWatch));
    }

    [Theory]
    [InlineData(AwsService.CloudWatch, "http://127.0.0.1:4566/")]
    [InlineData(AwsService.CloudWatchLogs, "http://127.0.0.1:4567/")]
    public void The_Aws_section_wins_over_every_variable(AwsService service, string expected)
    {
        var builder = new AwsClientBuilder()
            .With("Aws:CloudWatchEndpoint", "http://127.0.0.1:4566")
            .With("Aws:LogsEndpoint", "http://127.0.0.1:4567")
            .WithEnvironment("AWS_ENDPOINT_URL_CLOUDWATCH", "http://cloudwatch.test:1")
            .WithEnvironment("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://logs.test:2")
            .WithEnvironment("AWS_ENDPOINT_URL", "http://shared.test:3");

        Assert.Equal(new Uri(expected), Resolve(builder, service));
    }

    [Theory]
    [InlineData(AwsService.CloudWatch, "http://cloudwatch.test:1/")]
    [InlineData(AwsService.CloudWatchLogs, "http://logs.test:2/")]
    public void The_service_variable_wins_over_AWS_ENDPOINT_URL(AwsService service, string expected)
    {
        var builder = new AwsClientBuilder()
            .WithEnvironment("AWS_ENDPOINT_URL_CLOUDWATCH", "http://cloudwatch.test:1")
            .WithEnvironment("AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://logs.test:2")
            .WithEnvironment("AWS_ENDPOINT_URL", "http://shared.test:3");

        Assert.Equal(new Uri(expected), Resolve(builder, service));
    }

    [Theory]
    [InlineData(AwsService.CloudWatch)]
    [InlineData(AwsService.CloudWatchLogs)]
    public void AWS_ENDPOINT_URL_serves_every_service(AwsService service)
    {
        var builder = new AwsClientBuilder().WithEnvironment("AWS_ENDPOINT_URL", "http://shared.test:3");

        Assert.Equal(new Uri("http://shared.test:3/"), Resolve(builder, service));
    }

    [Fact]
    public void A_malformed_endpoint_variable_is_named_without_echoing_its_value()
    {
        var builder = new AwsClientBuilder().WithEnvironment("AWS_ENDPOINT_URL", "http://user:hunter2@shared.test:3");

        var error = Assert.Throws<InvalidOperationException>(() => Resolve(builder, AwsService.CloudWatch));

        Assert.StartsWith("The environment variable AWS_ENDPOINT_URL must not carry user info", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public async Task A_resolver_registered_by_local_mode_replaces_the_default()
    {
        await using var server = await RecordingServer.StartAsync();
        var local = new LateBoundEndpoint();
        using var host = new AwsClientBuilder()
            .With("Aws:CloudWatchEndpoint", "http://127.0.0.1:1")
            .WithServices(services => services.AddSingleton<IAwsEndpointResolver>(local))
            .Build();
        local.Url = server.Url;

        await host.Services.GetRequiredService<ICloudWatch>().ListDashboardsAsync(new(), CancellationToken.None);

        Assert.Single(server.Requests);
    }

    private static Uri Resolve(AwsClientBuilder builder, AwsService service)
    {
        using var host = builder.Build();
        return host.Services.GetRequiredService<IAwsEndpointResolver>().Resolve(service);
    }

    /// <summary>Like local mode: the address is known only once the embedded server has started.</summary>
    private sealed class LateBoundEndpoint : IAwsEndpointResolver
    {
        public Uri? Url { get; set; }

        public Uri Resolve(AwsService service) => Url ?? throw new InvalidOperationException("Not started yet.");
    }
}
