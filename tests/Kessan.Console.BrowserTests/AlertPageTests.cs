using System.Net.Http.Json;
using Kessan.Console.BrowserTests.Support;
using Kessan.Console.Features.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kessan.Console.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AlertPageTests(BrowserSession session)
{
    private const string Alarm = "Kessan-local-DB-HighConnections";

    [Fact]
    public async Task An_incident_appears_on_two_screens_and_an_acknowledgement_in_one_shows_in_the_other()
    {
        var alice = await session.OpenAsync("/alerts", TestUsers.Alice);
        var ben = await session.OpenAsync("/alerts", TestUsers.Ben);

        await StartIncidentAsync("db-connection-surge");
        var aliceRow = OpenRow(alice);
        var benRow = OpenRow(ben);
        await session.AdvanceUntilAsync(async () => await aliceRow.CountAsync() == 1 && await benRow.CountAsync() == 1, TimeSpan.FromSeconds(30));

        await ExpectBadgeShowsStoredCountAsync(ben);
        await aliceRow.GetByTestId("acknowledge").ClickAsync();
        await alice.GetByLabel("Note (optional)").FillAsync("Recycling the connection pool");
        await alice.GetByTestId("acknowledge-confirm").ClickAsync();

        var benAcknowledged = ben.Locator($"[data-group='{Alarm}'] [data-testid='alert-row'][data-state='acknowledged'] [data-testid='acknowledged-by']");
        await Expect(benAcknowledged).ToContainTextAsync("alice");
        await Expect(benAcknowledged).ToContainTextAsync("Recycling the connection pool");
        await ExpectBadgeShowsStoredCountAsync(ben);
        await ExpectBadgeShowsStoredCountAsync(alice);
        await alice.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "alerts.png"), FullPage = true });
        await alice.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    [Fact]
    public async Task A_viewer_sees_alerts_but_cannot_acknowledge()
    {
        var page = await session.OpenAsync("/alerts", TestUsers.Viewer);

        await Expect(page.Locator("h5", new() { HasText = "Alerts" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("acknowledge")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_alert_shows_a_not_found_page()
    {
        var page = await session.OpenAsync("/alerts/987654321");

        await Expect(page.GetByTestId("alert-not-found")).ToContainTextAsync("No alert number 987654321");
        await page.Context.CloseAsync();
    }

    private ILocator OpenRow(IPage page) =>
        page.Locator($"[data-group='{Alarm}'] [data-testid='alert-row'][data-state='triggered']");

    /// <summary>The header's count is the stored number of unacknowledged alerts. Compared with the store rather than
    /// with a count taken earlier: while the clock advances, other seed alarms may open or resolve alerts too.</summary>
    private async Task ExpectBadgeShowsStoredCountAsync(IPage page)
    {
        var store = session.Server.Services.GetRequiredService<AlertStore>();
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.CountUnacknowledgedAsync(CancellationToken.None);
            try
            {
                await Expect(page.GetByTestId("unacknowledged-badge"))
                    .ToHaveAttributeAsync("data-count", stored.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // The store changed while the page caught up; compare with its new count.
            }
        }
    }

    /// <summary>What an operator does with curl: start an incident in LocalCloud's simulator.</summary>
    private async Task StartIncidentAsync(string type)
    {
        using var http = new HttpClient { BaseAddress = session.Server.LocalCloudAddress };
        using var response = await http.PostAsJsonAsync("/_localcloud/incidents", new { type, minutes = 40 });
        response.EnsureSuccessStatusCode();
    }
}
