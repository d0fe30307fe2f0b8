namespace Kessan.Console.Features.Alerts.Storage;

/// <summary>Times for the console's database.</summary>
public static class DatabaseTime
{
    /// <summary>Now, cut to whole milliseconds as the database keeps it, so what a store returns after writing equals
    /// what it reads back later.</summary>
    public static DateTimeOffset DatabaseNow(this TimeProvider clock) =>
        DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
}
