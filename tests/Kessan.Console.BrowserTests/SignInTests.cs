using System.Text.RegularExpressions;
using Kessan.Console.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kessan.Console.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserSession session)
{
    [Fact]
    public async Task A_signed_out_visitor_is_shown_how_to_sign_in()
    {
        var context = await session.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(session.Server.Url("/dashboards"));

        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fdashboards$"));
        await Expect(page.GetByTestId("sign-in")).ToContainTextAsync("Open the sign-in link the console printed at start-up");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotDirectory, "sign-in.png") });
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_header_shows_who_is_signed_in_and_signs_them_out()
    {
        var page = await session.OpenAsync("/dashboards", TestUsers.Alice);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("alice · Operator");

        await page.GetByTestId("sign-out").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.GetByTestId("sign-in-notice")).ToHaveTextAsync("You have signed out.");
        await page.GotoAsync(session.Server.Url("/dashboards"));
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?returnUrl="));
        await page.Context.CloseAsync();
    }
}
