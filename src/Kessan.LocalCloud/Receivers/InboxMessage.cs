namespace Kessan.LocalCloud.Receivers;

/// <summary>One message a local receiver accepted, as <c>GET /_localcloud/inbox</c> shows it. <see cref="Kind"/> is
/// slack, pagerduty or email; <see cref="Recipient"/> the webhook, routing key (masked) or addresses it went to;
/// <see cref="Body"/> what arrived (the JSON with any routing key masked, or the email's text part); for email,
/// <see cref="Html"/> its HTML part.</summary>
public sealed record InboxMessage(
    long Id,
    string Kind,
    DateTimeOffset ReceivedAt,
    string Title,
    string? Severity,
    string? Action,
    string Recipient,
    string Body,
    string? Html = null);

/// <summary>The answer of <c>GET /_localcloud/inbox</c>: messages newest last, and the id to pass as <c>after</c> next time.</summary>
public sealed record InboxListing(IReadOnlyList<InboxMessage> Messages, long LastId);
