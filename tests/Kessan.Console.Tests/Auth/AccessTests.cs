using System.Net;
using Kessan.Console.Features.Auth;
using Kessan.Console.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Tests.Auth;

/// <summary>Every page, hub and endpoint needs a signed-in user unless it is explicitly anonymous; roles nest.</summary>
public sealed class AccessTests(LocalAuthConsole console) : IClassFixture<LocalAuthConsole>
{
    [Theory]
    [InlineData("/dashboards")]
    [InlineData("/dashboards/Kessan-local-Main")]
    [InlineData("/")]
    public async Task A_signed_out_visitor_of_a_page_is_sent_to_the_sign_in_page(string page)
    {
        using var response = await console.CreateAnonymousClient().GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{AuthPaths.SignInPage}?returnUrl={Uri.EscapeDataString(page)}", response.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [InlineData("GET", AuthTestConsole.Probes.Read)]
    [InlineData("POST", AuthTestConsole.Probes.Acknowledge)]
    [InlineData("POST", "/hubs/alerts/negotiate?negotiateVersion=1")]
    [InlineData("POST", "/_blazor/negotiate?negotiateVersion=1")]
    public async Task A_signed_out_program_calling_an_api_or_hub_gets_401(string method, string path)
    {
        using var response = await console.CreateAnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_viewer_calling_an_operator_hub_method_is_refused()
    {
        await using var hub = await console.ConnectToHubAsync(AuthTestConsole.Probes.Hub, TestUsers.Viewer);

        var refusal = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<string>(nameof(ProbeHub.Acknowledge)));

        Assert.Contains("unauthorized", refusal.Message);
    }

    [Fact]
    public async Task An_operator_calling_an_operator_hub_method_is_let_through()
    {
        await using var hub = await console.ConnectToHubAsync(AuthTestConsole.Probes.Hub, TestUsers.Alice);

        var answer = await hub.InvokeAsync<string>(nameof(ProbeHub.Acknowledge));

        Assert.Equal("acknowledged by alice", answer);
    }

    [Fact]
    public async Task A_signed_out_visitor_is_told_to_open_the_link_printed_at_start_up()
    {
        var page = await console.CreateAnonymousClient().GetStringAsync(AuthPaths.SignInPage);

        Assert.Contains("sign-in link the console printed at start-up", page);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/app.css")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task Health_checks_and_static_assets_need_no_sign_in(string path)
    {
        using var response = await console.CreateAnonymousClient().GetAsync(path);

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_sent_to_the_access_denied_page_is_told_their_role()
    {
        using var client = await console.CreateClientSignedInAsync(TestUsers.Viewer);

        var page = await client.GetStringAsync(AuthPaths.AccessDeniedPage);

        Assert.Contains("<b>viewer</b> (Viewer), which does not allow this", page);
    }

    [Theory]
    [InlineData(KessanRoles.Viewer, KessanPolicies.Viewer, true)]
    [InlineData(KessanRoles.Viewer, KessanPolicies.Operator, false)]
    [InlineData(KessanRoles.Operator, KessanPolicies.Viewer, true)]
    [InlineData(KessanRoles.Operator, KessanPolicies.Operator, true)]
    [InlineData(KessanRoles.Operator, KessanPolicies.Admin, false)]
    [InlineData(KessanRoles.Admin, KessanPolicies.Viewer, true)]
    [InlineData(KessanRoles.Admin, KessanPolicies.Operator, true)]
    [InlineData(KessanRoles.Admin, KessanPolicies.Admin, true)]
    public async Task Operator_includes_Viewer_and_Admin_includes_both(string role, string policy, bool allowed)
    {
        var user = ConsolePrincipal.Create("someone", [role], "test");

        var result = await console.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, policy);

        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public async Task A_signed_in_user_without_any_role_is_refused_everything()
    {
        var user = ConsolePrincipal.Create("stranger", [], "test");
        var policies = console.Services.GetRequiredService<IAuthorizationPolicyProvider>();

        var result = await console.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, (await policies.GetFallbackPolicyAsync())!);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public void With_no_address_configured_the_console_listens_on_loopback_only()
    {
        var configuration = console.Services.GetRequiredService<IConfiguration>();

        Assert.Equal("http://127.0.0.1:5080", configuration["urls"]);
    }
}
