using System.Text.Json;
using Kessan.Console.Core.Alerts;

namespace Kessan.Console.Features.Alerts.Storage;

/// <summary>An alert's row. Changed only through conditional updates in <see cref="AlertStore"/>.</summary>
public sealed class StoredAlert
{
    public long Id { get; set; }
    public AlertSource Source { get; set; }
    public required string DedupKey { get; set; }
    public required string Title { get; set; }
    public required string Message { get; set; }
    public AlertSeverity Severity { get; set; }

    /// <summary>JSON object text.</summary>
    public required string Context { get; set; }

    public AlertState State { get; set; }
    public DateTimeOffset TriggeredAt { get; set; }
    public DateTimeOffset LastFiredAt { get; set; }
    public int FireCount { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgementNote { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public List<StoredAlertEvent> Events { get; set; } = [];

    public static StoredAlert Open(AlertFiring firing) => new()
    {
        Source = firing.Source,
        DedupKey = firing.DedupKey,
        Title = firing.Title,
        Message = firing.Message,
        Severity = firing.Severity,
        Context = firing.Context.ValueKind == JsonValueKind.Object ? firing.Context.GetRawText() : "{}",
        State = AlertState.Triggered,
        TriggeredAt = firing.At,
        LastFiredAt = firing.At,
        FireCount = 1,
        Events = [StoredAlertEvent.Record(firing, AlertEventKind.Triggered)],
    };

    public Alert ToAlert()
    {
        using var context = JsonDocument.Parse(Context);
        return new Alert
        {
            Id = Id,
            Source = Source,
            DedupKey = DedupKey,
            Title = Title,
            Message = Message,
            Severity = Severity,
            Context = context.RootElement.Clone(),
            State = State,
            TriggeredAt = TriggeredAt,
            LastFiredAt = LastFiredAt,
            FireCount = FireCount,
            AcknowledgedBy = AcknowledgedBy,
            AcknowledgedAt = AcknowledgedAt,
            AcknowledgementNote = AcknowledgementNote,
            ResolvedAt = ResolvedAt,
            ResolvedBy = ResolvedBy,
        };
    }
}
