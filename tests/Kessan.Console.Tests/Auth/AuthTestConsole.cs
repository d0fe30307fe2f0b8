using System.Text.RegularExpressions;
using Kessan.Console.Features.Auth;
using Kessan.Console.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kessan.Console.Tests.Auth;

/// <summary>The console as the sign-in tests need it: AWS mode aimed at an address nothing answers (no LocalCloud to
/// start; nothing here reads metrics), the <see cref="TestUsers"/>, the given settings, every log line kept, and
/// test-only endpoints that need each policy (<see cref="Probes"/>).</summary>
public class AuthTestConsole(params (string Key, string? Value)[] settings) : WebApplicationFactory<Program>
{
    /// <summary>Test-only endpoints, one per policy, answering 204 to whoever the policy lets through.</summary>
    public static class Probes
    {
        public const string Read = "/api/test/read";
        public const string Acknowledge = "/api/test/acknowledge";
        public const string ManageChannels = "/api/test/channels";

        /// <summary>A hub whose <c>Acknowledge</c> method needs an Operator; any signed-in Viewer may connect.</summary>
        public const string Hub = "/hubs/test";
    }

    public CapturedLog Log { get; } = new();

    /// <summary>The one-time link's token, as the start-up log printed it.</summary>
    public string PrintedToken()
    {
        _ = Server;
        var match = Log.Lines.Select(line => Regex.Match(line, "/auth/local\\?token=([A-Za-z0-9_-]+)")).Single(m => m.Success);
        return match.Groups[1].Value;
    }

    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Kessan:DataSource", "aws");
        builder.UseSetting("Aws:Region", "ap-northeast-1");
        builder.UseSetting("Aws:CloudWatchEndpoint", "http://127.0.0.1:9");
        builder.UseSetting("Aws:AccessKeyId", "test");
        builder.UseSetting("Aws:SecretAccessKey", "test");
        if (!settings.Any(setting => setting.Key.StartsWith("Auth:Oidc", StringComparison.Ordinal)))
        {
            builder.UseTestUsers();
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ProbeEndpoints>());
    }

    /// <summary>Serves the probes beside the console's own pipeline, with the console's authentication and policies.</summary>
    private sealed class ProbeEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.MapWhen(context => context.Request.Path.StartsWithSegments("/api/test") || context.Request.Path.StartsWithSegments(Probes.Hub), probes =>
            {
                probes.UseRouting();
                probes.UseAuthentication();
                probes.UseAuthorization();
                probes.UseEndpoints(endpoints =>
                {
                    endpoints.MapGet(Probes.Read, () => Results.NoContent());
                    endpoints.MapPost(Probes.Acknowledge, () => Results.NoContent()).RequireAuthorization(KessanPolicies.Operator);
                    endpoints.MapPost(Probes.ManageChannels, () => Results.NoContent()).RequireAuthorization(KessanPolicies.Admin);
                    endpoints.MapHub<ProbeHub>(Probes.Hub);
                });
            });
            next(app);
        };
    }
}

/// <summary>The hub behind <see cref="AuthTestConsole.Probes.Hub"/>.</summary>
public sealed class ProbeHub : Hub
{
    [Authorize(Policy = KessanPolicies.Operator)]
    public Task<string> Acknowledge() => Task.FromResult($"acknowledged by {Context.User?.Identity?.Name}");
}

/// <summary>The local default with the test users, shared by tests that leave the start-up link alone.</summary>
public sealed class LocalAuthConsole : AuthTestConsole;
