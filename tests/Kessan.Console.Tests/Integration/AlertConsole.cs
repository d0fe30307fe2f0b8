using Kessan.Console.Aws.CloudWatch;
using Kessan.Console.Features.Alerts;
using Kessan.Console.Features.Alerts.Live;
using Kessan.Console.Features.Alerts.Sources;
using Kessan.Console.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kessan.Console.Tests.Integration;

/// <summary>The console with its alert feature on a SQLite file in a temp folder (deleted on dispose), a scripted
/// CloudWatch, the <see cref="TestUsers"/>, an ingest key, and <see cref="SnsPeer"/> in place of Amazon SNS.</summary>
public sealed class AlertConsole : WebApplicationFactory<Program>
{
    public const string IngestKey = "ingest-key-for-tests-0123456789";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kessan-console-" + Guid.NewGuid().ToString("N"));

    public SnsPeer Sns { get; } = new();

    public string DatabasePath => Path.Combine(_folder, "alerts.db");

    public AlertStore Store => Services.GetRequiredService<AlertStore>();

    /// <summary>A client signed in as <paramref name="user"/>, or anonymous.</summary>
    public Task<HttpClient> ClientAs(TestUser? user) =>
        user is null
            ? Task.FromResult(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
            : this.CreateClientSignedInAsync(user);

    public HttpClient IngestClient(string? key = IngestKey)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(IngestApiKeys.Header, key);
        }
        return client;
    }

    /// <summary>A hub connection (long polling through the test server) signed in as <paramref name="user"/>, not yet started.</summary>
    public async Task<HubConnection> HubAs(TestUser? user)
    {
        var cookie = user is null ? null : await this.SignInCookieAsync(user);
        return new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, AlertHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (cookie is not null)
                {
                    options.Headers["Cookie"] = cookie;
                }
            })
            .AddJsonProtocol(json => AlertJson.Configure(json.PayloadSerializerOptions))
            .Build();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Kessan:DataSource", "aws");
        builder.UseSetting("Aws:Region", "ap-northeast-1");
        builder.UseSetting("Alerts:Database", DatabasePath);
        builder.UseSetting("Alerts:IngestApiKeys:0", IngestKey);
        builder.UseSetting("Alerts:Sns:TopicArns:0", SnsPeer.TopicArn);
        builder.UseSetting("Alerts:AlarmSeverities:Kessan-prod-API-HighErrorRate", "critical");
        builder.UseTestUsers();
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<ICloudWatch>(new ScriptedCloudWatch(TimeProvider.System)));
            services.AddHttpClient(SnsSignatureVerifier.HttpClientName).ConfigurePrimaryHttpMessageHandler(Sns.CreateHandler);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Sns.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
