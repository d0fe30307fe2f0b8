using Amazon.Runtime;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.Tests.Plumbing;
using Kessan.LocalCloud;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Aws.Tests.Protocol;

/// <summary>PutMetricData carries the requestCompression trait: from 10 KiB of JSON on it goes gzip-compressed, as
/// the AWS SDKs send it (the golden request put-metric-data-gzip-batch shows the official SDK doing so).</summary>
public sealed class RequestCompressionTests : HarnessTests
{
    [Fact]
    public async Task A_large_PutMetricData_is_sent_gzip_compressed_and_signed_as_sent()
    {
        var request = Batch(datums: 200);

        await Aws.CloudWatch.PutMetricDataAsync(request, CancellationToken.None);

        var sent = Assert.Single(Aws.Server.Requests);
        var authorization = SigV4Authorization.Parse(sent);
        Assert.Equal("gzip", sent.Header("Content-Encoding"));
        Assert.Contains("content-encoding", authorization.SignedHeaders.Split(';'));
        Assert.Equal(authorization.Signature, authorization.Recompute(sent, new ImmutableCredentials(TestCredentials.AccessKeyId, TestCredentials.SecretAccessKey, null)));
        Assert.Equal(200, sent.Json!["MetricData"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_PutMetricData_under_10_KiB_is_sent_as_it_is()
    {
        await Aws.CloudWatch.PutMetricDataAsync(Batch(datums: 3), CancellationToken.None);

        var sent = Assert.Single(Aws.Server.Requests);
        Assert.Null(sent.Header("Content-Encoding"));
    }

    [Fact]
    public async Task Operations_without_the_trait_are_not_compressed_however_large()
    {
        var body = $$$"""{"widgets":[{"type":"text","properties":{"markdown":"{{{new string('x', 20_000)}}}"}}]}""";

        await Aws.CloudWatch.PutDashboardAsync(new PutDashboardRequest("Kessan-prod-Main", body), CancellationToken.None);

        var sent = Assert.Single(Aws.Server.Requests);
        Assert.Null(sent.Header("Content-Encoding"));
    }

    [Fact]
    public async Task LocalCloud_verifying_signatures_takes_a_compressed_batch_whole()
    {
        var client = new AwsClientBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["LocalCloud:Url"] = "http://127.0.0.1:0",
            ["LocalCloud:Simulator:Enabled"] = "false",
            ["LocalCloud:AccessKeyId"] = TestCredentials.AccessKeyId,
            ["LocalCloud:SecretAccessKey"] = TestCredentials.SecretAccessKey,
        };
        await using var localCloud = LocalCloudHost.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), client.Clock, _ => { });
        await localCloud.StartAsync();
        using var host = client.WithEndpoint(new Uri(localCloud.Urls.Single())).Build();
        var cloudWatch = host.Services.GetRequiredService<ICloudWatch>();

        await cloudWatch.PutMetricDataAsync(Batch(datums: 200), CancellationToken.None);

        var listed = await cloudWatch.EnumerateMetricsAsync(new ListMetricsRequest { Namespace = "Kessan/API" }).CountAsync();
        Assert.Equal(200, listed);
    }

    private static PutMetricDataRequest Batch(int datums) => new()
    {
        Namespace = "Kessan/API",
        MetricData = Enumerable.Range(0, datums).Select(i => new MetricDatum
        {
            MetricName = "ResponseTime",
            Dimensions = [new Dimension("Endpoint", $"/api/v1/endpoint-{i}")],
            Value = i * 0.25,
            Unit = "Seconds",
        }).ToList(),
    };
}
