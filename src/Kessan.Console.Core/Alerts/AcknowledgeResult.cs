using System.Globalization;

namespace Kessan.Console.Core.Alerts;

/// <summary>What came of an acknowledgement. Exactly one caller gets <see cref="Acknowledged"/> for an alert;
/// everyone after is told who was first and when.</summary>
public abstract record AcknowledgeResult
{
    private AcknowledgeResult()
    {
    }

    /// <summary>A sentence for the person who asked, times in UTC.</summary>
    public abstract string Message { get; }

    public sealed record Acknowledged(Alert Alert) : AcknowledgeResult
    {
        public override string Message => $"Acknowledged by {Alert.AcknowledgedBy} at {Utc(Alert.AcknowledgedAt!.Value)}.";
    }

    public sealed record AlreadyAcknowledged(string By, DateTimeOffset At) : AcknowledgeResult
    {
        public override string Message => $"Already acknowledged by {By} at {Utc(At)}.";
    }

    public sealed record AlreadyResolved(DateTimeOffset At) : AcknowledgeResult
    {
        public override string Message => $"Already resolved at {Utc(At)}; nothing was changed.";
    }

    public sealed record NotFound : AcknowledgeResult
    {
        public static NotFound Instance { get; } = new();

        public override string Message => "No such alert.";
    }

    /// <summary>The caller may only read alerts; acknowledging needs the Operator role.</summary>
    public sealed record NotPermitted : AcknowledgeResult
    {
        public static NotPermitted Instance { get; } = new();

        public override string Message => "Acknowledging an alert needs the Operator role.";
    }

    private static string Utc(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
