namespace Kessan.Console.Features.Logs.Storage;

/// <summary>A Logs Insights query a user saved for the team. Names are unique: saving under a taken name replaces it.</summary>
public sealed class StoredSavedQuery
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public required string QueryString { get; set; }
    public string? Description { get; set; }
    public required string SavedBy { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}
