using Microsoft.EntityFrameworkCore;

namespace Kessan.Console.Features.Logs.Storage;

/// <summary>The saved queries' table, in the alerts database (the console keeps one database).</summary>
public static class SavedQueryModel
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 500;

    /// <summary>StartQuery's own limit on a query string.</summary>
    public const int MaxQueryLength = 10_000;

    public static void Configure(ModelBuilder modelBuilder)
    {
        var query = modelBuilder.Entity<StoredSavedQuery>();
        query.ToTable("SavedLogQueries");
        query.Property(q => q.Name).HasMaxLength(MaxNameLength);
        query.Property(q => q.QueryString).HasMaxLength(MaxQueryLength);
        query.Property(q => q.Description).HasMaxLength(MaxDescriptionLength);
        query.Property(q => q.SavedBy).HasMaxLength(256);
        query.HasIndex(q => q.Name).IsUnique();
    }
}
