using Kessan.Console.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kessan.Console.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class NotificationPageTests(BrowserSession session)
{
    [Fact]
    public async Task Send_test_on_a_channel_shows_it_delivered_and_the_local_inbox_shows_the_message()
    {
        var page = await session.OpenAsync("/channels", TestUsers.Alice);
        var row = page.Locator("[data-testid='channel-row'][data-channel='local-slack']");

        await row.GetByTestId("send-test").ClickAsync();
        var status = row.GetByTestId("delivery-status");
        await Expect(status).ToHaveAttributeAsync("data-stage", "delivered");
        await Expect(status).ToContainTextAsync("delivered in");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "channels.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Local inbox" }).ClickAsync();
        var message = page.Locator("[data-testid='inbox-message'][data-kind='slack']").Filter(new() { HasText = "to local-slack" });
        await Expect(message.GetByTestId("inbox-title")).ToHaveTextAsync("[TEST] Test message from Kessan Console to local-slack");
        await Expect(message.GetByTestId("inbox-body")).ToContainTextAsync("\"color\": \"#36a64f\"");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "local-inbox.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_test_alert_shows_which_channels_it_went_to_and_the_delivery_log_lists_them()
    {
        var page = await session.OpenAsync("/channels", TestUsers.Alice);

        await page.GetByTestId("send-test-alert").ClickAsync();
        var channels = page.GetByTestId("test-alert-channel");
        await Expect(channels).ToHaveCountAsync(3);
        foreach (var channel in new[] { "local-email", "local-pagerduty", "local-slack" })
        {
            await Expect(page.Locator($"[data-testid='test-alert-channel'][data-channel='{channel}'] [data-testid='delivery-status']"))
                .ToHaveAttributeAsync("data-stage", "delivered");
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        await Expect(page.Locator("[data-testid='attempt-row']").Filter(new() { HasText = "Test critical alert" })).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "notifications.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
