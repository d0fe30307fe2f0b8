using Kessan.Console.Features.Auth;
using Kessan.Console.Tests.Support;

namespace Kessan.Console.Tests.Auth;

/// <summary>Configured tokens never reach the log; the one-time start-up link is printed, as that is its point.</summary>
public sealed class SecretsInLogTests
{
    [Fact]
    public async Task Configured_tokens_never_reach_the_log_whatever_happens_with_them()
    {
        const string localToken = "scripted-token-0123456789";
        await using var console = new AuthTestConsole(("Auth:LocalToken", localToken));
        using var client = console.CreateAnonymousClient();

        (await client.GetAsync($"{AuthPaths.LocalSignIn}?token={localToken}")).Dispose();
        (await client.GetAsync($"{AuthPaths.LocalSignIn}?token={localToken}x")).Dispose();
        foreach (var user in TestUsers.All)
        {
            using var signedIn = await console.CreateClientSignedInAsync(user);
        }

        Assert.Contains(console.Log.Lines, line => line.Contains("alice signed in with a local token as Operator"));
        Assert.DoesNotContain(console.Log.Lines, line => line.Contains(localToken) || TestUsers.All.Any(user => line.Contains(user.Token)));
    }
}
