using Kessan.LocalCloud;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Aws.Tests.Plumbing;

/// <summary>LocalCloud on a free loopback port, simulator off, verifying signatures made with the test keys, on the
/// client's fake clock.</summary>
public sealed class SignedLocalCloud : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SignedLocalCloud(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<SignedLocalCloud> StartAsync(TimeProvider clock)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalCloud:Url"] = "http://127.0.0.1:0",
            ["LocalCloud:Simulator:Enabled"] = "false",
            ["LocalCloud:AccessKeyId"] = TestCredentials.AccessKeyId,
            ["LocalCloud:SecretAccessKey"] = TestCredentials.SecretAccessKey,
        }).Build();
        var app = LocalCloudHost.Build(configuration, clock);
        await app.StartAsync();
        return new SignedLocalCloud(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
