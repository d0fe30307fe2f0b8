namespace Kessan.Console.Core.Notifications;

/// <summary>Where a channel delivers, checked and typed. <see cref="Describe"/> masks every secret;
/// <see cref="Secrets"/> lists them so that error texts can be scrubbed of them.</summary>
public abstract record ChannelTarget
{
    public abstract ChannelKind Kind { get; }

    /// <summary>The destination for people to read, secrets masked.</summary>
    public abstract string Describe();

    public abstract IReadOnlyList<string> Secrets { get; }

    /// <summary><paramref name="text"/> (a provider's error, an exception's message) with every secret of this
    /// channel masked, before it is stored, shown or logged.</summary>
    public string Scrub(string text) =>
        Secrets.Where(secret => secret.Length >= 6).OrderByDescending(secret => secret.Length)
            .Aggregate(text, (scrubbed, secret) => scrubbed.Replace(secret, SecretMask.Hidden, StringComparison.Ordinal));
}

public sealed record SlackTarget(Uri WebhookUrl) : ChannelTarget
{
    public override ChannelKind Kind => ChannelKind.Slack;

    public override string Describe() => SecretMask.Url(WebhookUrl);

    public override IReadOnlyList<string> Secrets => [WebhookUrl.OriginalString, WebhookUrl.AbsoluteUri, WebhookUrl.PathAndQuery];
}

public sealed record PagerDutyTarget(string RoutingKey, Uri EventsUrl) : ChannelTarget
{
    public override ChannelKind Kind => ChannelKind.PagerDuty;

    public override string Describe() => $"{EventsUrl.GetLeftPart(UriPartial.Path)} · routing key {SecretMask.Tail(RoutingKey)}";

    public override IReadOnlyList<string> Secrets => [RoutingKey];
}

public sealed record EmailTarget(
    string Host, int Port, EmailSecurity Security, string? Username, string? Password, string From, IReadOnlyList<string> To) : ChannelTarget
{
    public override ChannelKind Kind => ChannelKind.Email;

    public override string Describe() =>
        $"smtp://{Host}:{Port} ({Security}){(Username is null ? "" : $" as {Username}, password {SecretMask.Hidden}")} · {From} → {string.Join(", ", To)}";

    public override IReadOnlyList<string> Secrets => Password is null ? [] : [Password];
}
