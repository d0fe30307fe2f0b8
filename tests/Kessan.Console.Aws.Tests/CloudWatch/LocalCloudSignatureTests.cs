using System.Net;
using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Aws.Tests.Plumbing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Kessan.Console.Aws.Tests.CloudWatch;

/// <summary>The client's SigV4 (AWSSDK.Core's signer) against LocalCloud's verifier, over real HTTP.</summary>
public sealed class LocalCloudSignatureTests : IAsyncLifetime
{
    private readonly AwsClientBuilder _client = new();
    private SignedLocalCloud _localCloud = default!;

    public async Task InitializeAsync() => _localCloud = await SignedLocalCloud.StartAsync(_client.Clock);

    [Fact]
    public async Task LocalCloud_accepts_what_the_client_signs()
    {
        using var host = _client.WithEndpoint(_localCloud.Endpoint).Build();

        await host.Services.GetRequiredService<ICloudWatch>().PutDashboardAsync(new PutDashboardRequest("Signed", """{"widgets":[]}"""), CancellationToken.None);
        var dashboards = await host.Services.GetRequiredService<ICloudWatch>().ListDashboardsAsync(new ListDashboardsRequest(), CancellationToken.None);

        Assert.Contains("Signed", dashboards.DashboardEntries!.Select(d => d.DashboardName));
    }

    [Fact]
    public async Task A_request_signed_with_the_wrong_secret_is_refused()
    {
        using var host = _client.WithEndpoint(_localCloud.Endpoint).With("Aws:SecretAccessKey", "not-the-secret").Build();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            host.Services.GetRequiredService<ICloudWatch>().ListDashboardsAsync(new ListDashboardsRequest(), CancellationToken.None));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.HttpStatusCode);
        Assert.DoesNotContain("not-the-secret", error.Message);
    }

    public async Task DisposeAsync() => await _localCloud.DisposeAsync();
}
