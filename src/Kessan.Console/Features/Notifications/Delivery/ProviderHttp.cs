using System.Net.Http.Headers;

namespace Kessan.Console.Features.Notifications.Delivery;

/// <summary>A provider's answer to a POST: status, body (at most <see cref="ProviderHttp.MaxBodyLength"/> characters)
/// and the wait its Retry-After header asks for.</summary>
public sealed record ProviderAnswer(int StatusCode, string Body, TimeSpan? RetryAfter);

/// <summary>POSTs JSON to Slack and PagerDuty through the <see cref="ClientName"/> client, which logs nothing (its
/// URLs are secrets) and leaves timeouts to the caller's token.</summary>
public sealed class ProviderHttp(IHttpClientFactory clients, TimeProvider clock)
{
    public const string ClientName = "notifications";
    public const int MaxBodyLength = 1000;

    /// <exception cref="HttpRequestException">The provider could not be reached or the connection dropped.</exception>
    public async Task<ProviderAnswer> PostJsonAsync(Uri url, byte[] json, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(ClientName);
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await client.PostAsync(url, content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new ProviderAnswer((int)response.StatusCode, body.Length > MaxBodyLength ? body[..MaxBodyLength] : body, RetryAfter(response.Headers.RetryAfter));
    }

    /// <summary>Retry-After as seconds or as an HTTP date.</summary>
    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - clock.GetUtcNow() : null);
}
