using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kessan.LocalCloud.Sns;

/// <summary>The URLs SNS messages carry (SubscribeURL, UnsubscribeURL, SigningCertURL), on LocalCloud's own address.
/// The address is known once the server listens (port 0 picks it then), so it is read when first needed.</summary>
public sealed class SnsUrls(Func<Uri> baseAddress)
{
    // Publication-only: a use before the server listens fails without making the failure permanent.
    private readonly Lazy<string> _base = new(() => baseAddress().GetLeftPart(UriPartial.Authority), LazyThreadSafetyMode.PublicationOnly);

    public string SigningCert => $"{_base.Value}{SnsEndpoints.CertificatePath}";

    public string Subscribe(string topicArn, string token) =>
        $"{_base.Value}{SnsEndpoints.ConfirmPath}?Action=ConfirmSubscription&TopicArn={Uri.EscapeDataString(topicArn)}&Token={Uri.EscapeDataString(token)}";

    public string Unsubscribe(string subscriptionArn) =>
        $"{_base.Value}{SnsEndpoints.UnsubscribePath}?Action=Unsubscribe&SubscriptionArn={Uri.EscapeDataString(subscriptionArn)}";

    /// <summary>The first address the server listens on; a wildcard host (0.0.0.0, [::], +, *) becomes localhost.</summary>
    public static Uri ServerAddress(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("LocalCloud's server has no address yet; SNS URLs are needed only after it has started.");
        var builder = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }

        return builder.Uri;
    }
}
