using System.Net;
using Kessan.Console.Features.Auth;
using Kessan.Console.Tests.Support;

namespace Kessan.Console.Tests.Auth;

/// <summary>Local sign-in: the one-time start-up link, Auth:LocalToken, named users, sign-out.</summary>
public sealed class LocalSignInTests(LocalAuthConsole console) : IClassFixture<LocalAuthConsole>
{
    [Fact]
    public async Task The_start_up_link_signs_in_the_local_administrator_and_opens_the_dashboards()
    {
        await using var fresh = new AuthTestConsole();
        using var client = fresh.CreateAnonymousClient();

        using var signIn = await client.GetAsync($"/auth/local?token={fresh.PrintedToken()}");
        client.DefaultRequestHeaders.Add("Cookie", CookiesOf(signIn));
        using var manageChannels = await client.PostAsync(AuthTestConsole.Probes.ManageChannels, null);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(ReturnUrl.Default, signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NoContent, manageChannels.StatusCode);
    }

    [Fact]
    public async Task The_start_up_link_works_once_and_then_says_how_to_get_a_new_one()
    {
        await using var fresh = new AuthTestConsole();
        using var client = fresh.CreateAnonymousClient();
        var link = $"/auth/local?token={fresh.PrintedToken()}";
        (await client.GetAsync(link)).Dispose();

        using var second = await client.GetAsync(link);
        var page = await client.GetStringAsync(second.Headers.Location);

        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.Contains("already used", page);
        Assert.Contains("restart the console", page);
        Assert.Contains("Auth__LocalToken", page);
    }

    [Fact]
    public async Task A_token_fixed_by_configuration_signs_in_again_and_again()
    {
        const string token = "scripted-token-0123456789";
        await using var fixedToken = new AuthTestConsole(("Auth:LocalToken", token));
        using var client = fixedToken.CreateAnonymousClient();

        using var first = await client.GetAsync($"/auth/local?token={token}");
        using var second = await client.GetAsync($"/auth/local?token={token}");

        Assert.Equal(ReturnUrl.Default, first.Headers.Location?.OriginalString);
        Assert.Equal(ReturnUrl.Default, second.Headers.Location?.OriginalString);
        Assert.True(second.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task With_a_fixed_token_no_one_time_link_is_printed()
    {
        await using var fixedToken = new AuthTestConsole(("Auth:LocalToken", "scripted-token-0123456789"));
        _ = fixedToken.Server;

        Assert.Contains(fixedToken.Log.Lines, line => line.Contains("token=<Auth:LocalToken>"));
        Assert.DoesNotContain(fixedToken.Log.Lines, line => line.Contains("works once"));
    }

    [Fact]
    public async Task An_unknown_token_signs_nobody_in_and_says_so()
    {
        using var client = console.CreateAnonymousClient();

        using var response = await client.GetAsync("/auth/local?token=not-a-token-anyone-has");
        var page = await client.GetStringAsync(response.Headers.Location);

        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("no user has its token", page);
    }

    [Theory]
    [InlineData("alice", AuthTestConsole.Probes.Acknowledge, HttpStatusCode.NoContent)]
    [InlineData("alice", AuthTestConsole.Probes.ManageChannels, HttpStatusCode.Forbidden)]
    [InlineData("viewer", AuthTestConsole.Probes.Acknowledge, HttpStatusCode.Forbidden)]
    [InlineData("admin", AuthTestConsole.Probes.ManageChannels, HttpStatusCode.NoContent)]
    [InlineData("admin", AuthTestConsole.Probes.Acknowledge, HttpStatusCode.NoContent)]
    public async Task Named_users_can_do_what_their_role_allows_and_nothing_more(string name, string probe, HttpStatusCode expected)
    {
        using var client = await console.CreateClientSignedInAsync(TestUsers.All.Single(user => user.Name == name));

        using var response = await client.PostAsync(probe, null);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_viewer_may_read()
    {
        using var client = await console.CreateClientSignedInAsync(TestUsers.Viewer);

        using var response = await client.GetAsync(AuthTestConsole.Probes.Read);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_opens_the_pages()
    {
        using var client = await console.CreateClientSignedInAsync(TestUsers.Viewer);

        using var response = await client.GetAsync("/dashboards");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task After_sign_in_a_local_return_url_is_opened()
    {
        using var client = console.CreateAnonymousClient();

        using var response = await client.GetAsync(TestUsers.Viewer.SignInPath("/dashboards/Kessan-local-Main?from=now-1h"));

        Assert.Equal("/dashboards/Kessan-local-Main?from=now-1h", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("dashboards")]
    public async Task A_return_url_to_another_site_is_replaced_by_the_dashboards(string returnUrl)
    {
        using var client = console.CreateAnonymousClient();

        using var response = await client.GetAsync(TestUsers.Viewer.SignInPath(returnUrl));

        Assert.Equal(ReturnUrl.Default, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_needs_the_form_antiforgery_token()
    {
        using var client = await console.CreateClientSignedInAsync(TestUsers.Viewer);

        using var response = await client.PostAsync(AuthPaths.SignOut, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Signing_out_with_the_form_ends_the_sign_in()
    {
        using var client = await console.CreateClientSignedInAsync(TestUsers.Viewer);
        var form = await SignOutForm.ReadAsync(client);

        using var response = await form.SubmitAsync(client);

        Assert.Equal(AuthPaths.SignInPageFor(AuthPaths.Reasons.SignedOut), response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("kessan.auth=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sign_in_outlives_a_restart_when_the_keys_are_kept_in_a_folder()
    {
        var keys = Directory.CreateTempSubdirectory("kessan-keys-");
        try
        {
            string cookie;
            await using (var before = new AuthTestConsole(("Auth:KeysFolder", keys.FullName)))
            {
                cookie = await before.SignInCookieAsync(TestUsers.Alice);
            }
            await using var after = new AuthTestConsole(("Auth:KeysFolder", keys.FullName));
            using var client = after.CreateAnonymousClient();
            client.DefaultRequestHeaders.Add("Cookie", cookie);

            using var response = await client.PostAsync(AuthTestConsole.Probes.Acknowledge, null);

            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.NotEmpty(keys.GetFiles("key-*.xml"));
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(cookie => cookie.Split(';', 2)[0]));
}
