using System.Text.RegularExpressions;
using Kessan.Console.Features.Auth;

namespace Kessan.Console.Tests.Auth;

/// <summary>The sign-out form as a browser gets it: the antiforgery field from a page that renders the form without a
/// circuit (the access-denied page), and the antiforgery cookie that goes with it.</summary>
internal sealed record SignOutForm(string FieldName, string FieldValue, string AntiforgeryCookie)
{
    public static async Task<SignOutForm> ReadAsync(HttpClient signedIn)
    {
        using var page = await signedIn.GetAsync(AuthPaths.AccessDeniedPage);
        var html = await page.Content.ReadAsStringAsync();
        var field = Regex.Match(html, "<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\"");
        Assert.True(field.Success, "The page has no antiforgery field.");
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        return new SignOutForm(field.Groups["name"].Value, field.Groups["value"].Value, cookie.Split(';', 2)[0]);
    }

    public Task<HttpResponseMessage> SubmitAsync(HttpClient signedIn)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, AuthPaths.SignOut)
        {
            Content = new FormUrlEncodedContent([new(FieldName, FieldValue)]),
        };
        request.Headers.Add("Cookie", string.Join("; ", signedIn.DefaultRequestHeaders.GetValues("Cookie").Append(AntiforgeryCookie)));
        return signedIn.SendAsync(request);
    }
}
