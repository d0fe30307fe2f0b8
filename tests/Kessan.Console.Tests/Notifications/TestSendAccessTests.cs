using System.Net;
using System.Net.Http.Json;
using Bunit;
using Kessan.Console.Features.Auth;
using Kessan.Console.Features.Notifications;
using Kessan.Console.Features.Notifications.Pages;
using Kessan.Console.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kessan.Console.Tests.Notifications;

/// <summary>Test sends need the Operator role, checked on the server for every way in.</summary>
public sealed class TestSendAccessTests
{
    [Theory]
    [InlineData("/api/notifications/channels/ops-slack/test")]
    [InlineData("/api/notifications/test-alert")]
    public async Task A_viewers_forged_test_send_is_refused_and_nothing_is_sent(string path)
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var console = new NotificationConsole().WithSlack("ops-slack", provider.SlackWebhook);
        using var viewer = await console.CreateClientSignedInAsync(TestUsers.Viewer);

        using var response = await viewer.PostAsJsonAsync(path, new { severity = "critical" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await console.AttemptsAsync());
        Assert.Empty(provider.Received(ScriptedProvider.SlackPath));
    }

    [Fact]
    public async Task A_test_send_called_for_a_viewer_from_a_page_is_refused_by_the_server()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var console = new NotificationConsole().WithSlack("ops-slack", provider.SlackWebhook);
        var tests = console.Services.GetRequiredService<TestSends>();
        var viewer = ConsolePrincipal.Create(TestUsers.Viewer.Name, [KessanRoles.Viewer], "test");

        var channel = await tests.SendTestAsync(viewer, "ops-slack", CancellationToken.None);
        var alert = await tests.SendTestAlertAsync(viewer, Core.Alerts.AlertSeverity.Critical, CancellationToken.None);

        Assert.IsType<TestSendResult.NotPermitted>(channel);
        Assert.IsType<TestSendResult.NotPermitted>(alert);
        Assert.Empty(await console.AttemptsAsync());
    }

    [Fact]
    public async Task A_viewer_sees_the_channels_without_test_buttons()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var console = new NotificationConsole().WithSlack("ops-slack", provider.SlackWebhook);
        _ = console.Server;
        await using var pages = new ConsolePages(console, TestUsers.Viewer);

        var page = pages.Render<ChannelsPage>();

        Assert.Single(page.FindAll("[data-testid='channel-row']"));
        Assert.Empty(page.FindAll("[data-testid='send-test']"));
    }

    [Fact]
    public async Task An_operators_send_test_shows_the_delivered_result_on_the_page()
    {
        await using var provider = await ScriptedProvider.StartAsync();
        await using var console = new NotificationConsole().WithSlack("ops-slack", provider.SlackWebhook);
        _ = console.Server;
        await using var pages = new ConsolePages(console, TestUsers.Alice);

        var page = pages.Render<ChannelsPage>();
        page.Find("[data-channel='ops-slack'] button[data-testid='send-test']").Click();

        page.WaitForAssertion(() => Assert.Equal("delivered", page.Find("[data-channel='ops-slack'] [data-testid='delivery-status']").GetAttribute("data-stage")),
            TimeSpan.FromSeconds(10));
        var test = Assert.Single(provider.Received(ScriptedProvider.SlackPath)).Json;
        Assert.StartsWith("[TEST] ", test.GetProperty("attachments")[0].GetProperty("title").GetString());
    }
}
