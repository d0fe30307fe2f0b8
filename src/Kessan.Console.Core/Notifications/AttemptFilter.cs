namespace Kessan.Console.Core.Notifications;

/// <summary>Which delivery attempts to show: one channel, delivered or failed, tests or alerts; null means any.</summary>
public sealed record AttemptFilter(string? Channel = null, bool? Delivered = null, bool? Tests = null)
{
    public static AttemptFilter All { get; } = new();

    public bool Matches(DeliveryAttempt attempt) =>
        (Channel is null || attempt.Channel == Channel)
        && (Delivered is null || attempt.Delivered == Delivered)
        && (Tests is null || attempt.IsTest == Tests);
}
