using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kessan.Console.Features.Auth;

/// <summary>Once the server listens, prints how to sign in locally with the address it really bound (as Jupyter
/// does): the one-time link itself, or where the reusable tokens go. Configured tokens are never printed.</summary>
public sealed partial class LocalSignInAnnouncement(
    LocalTokens tokens, IServer server, IHostApplicationLifetime lifetime, ILogger<LocalSignInAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.Select(Browsable).ToArray() ?? [];
        foreach (var address in addresses.DefaultIfEmpty(""))
        {
            if (tokens.OneTimeToken is { } token)
            {
                LogOneTimeLink($"{address}{AuthPaths.LocalSignIn}?token={token}");
            }
            else
            {
                LogFixedToken($"{address}{AuthPaths.LocalSignIn}?token=<Auth:LocalToken>");
            }
        }
        var users = tokens.UserNames.ToArray();
        if (users.Length > 0)
        {
            LogNamedUsers(users, $"{AuthPaths.LocalSignIn}?token=<Auth:Users:<name>:Token>");
        }
    }

    /// <summary>A wildcard address ("listen everywhere") is not one a browser can open; this machine's name is.</summary>
    private static string Browsable(string address)
    {
        var uri = new UriBuilder(address);
        if (IPAddress.TryParse(uri.Host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
        {
            uri.Host = "localhost";
        }
        return uri.Uri.GetLeftPart(UriPartial.Authority);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign in to Kessan Console by opening this link (it works once; restart the console for a new one, or set Auth__LocalToken for a reusable token):\n    {SignInLink}")]
    private partial void LogOneTimeLink(string signInLink);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign in to Kessan Console with the token set in Auth:LocalToken: {SignInLink}")]
    private partial void LogFixedToken(string signInLink);

    [LoggerMessage(Level = LogLevel.Information, Message = "Named local users {UserNames} sign in with their own tokens: {SignInLink}")]
    private partial void LogNamedUsers(string[] userNames, string signInLink);
}
