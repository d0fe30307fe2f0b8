namespace Kessan.Console.Core.Dashboards;

/// <summary>Where a widget asked to be: x and y as written (either may be absent), width and height resolved.</summary>
internal sealed record PlacementRequest(int? X, int? Y, int Width, int Height)
{
    public static PlacementRequest Default { get; } = new(null, null, GridPlacement.DefaultWidth, GridPlacement.DefaultHeight);

    public bool IsFixed => X is not null && Y is not null;
}

/// <summary>
/// Lays widgets out on CloudWatch's 24-column grid. Widgets with both x and y stay where they are written;
/// each other widget, in body order, takes the first free spot scanning top to bottom, left to right
/// (keeping its x or y when only one is written).
/// </summary>
internal static class DashboardGrid
{
    public static IReadOnlyList<GridPlacement> Arrange(IReadOnlyList<PlacementRequest> requests)
    {
        var placements = new GridPlacement?[requests.Count];
        var taken = new List<GridPlacement>();
        for (var index = 0; index < requests.Count; index++)
        {
            if (requests[index] is { IsFixed: true } request)
            {
                placements[index] = new GridPlacement(FitX(request.X!.Value, request.Width), request.Y!.Value, request.Width, request.Height);
                taken.Add(placements[index]!);
            }
        }
        for (var index = 0; index < requests.Count; index++)
        {
            if (placements[index] is null)
            {
                placements[index] = FirstFreeSpot(requests[index], taken);
                taken.Add(placements[index]!);
            }
        }
        return placements.Select(placement => placement!).ToArray();
    }

    // A widget that would stick out past the right edge is pulled back onto the grid, as the console does.
    private static int FitX(int x, int width) => Math.Min(x, GridPlacement.Columns - width);

    private static GridPlacement FirstFreeSpot(PlacementRequest request, List<GridPlacement> taken)
    {
        // Below the lowest widget every spot is free, so the scan always ends.
        for (var y = request.Y ?? 0; ; y++)
        {
            var xs = request.X is { } x ? [FitX(x, request.Width)] : Enumerable.Range(0, GridPlacement.Columns - request.Width + 1);
            foreach (var candidateX in xs)
            {
                var candidate = new GridPlacement(candidateX, y, request.Width, request.Height);
                if (!taken.Any(candidate.Overlaps))
                {
                    return candidate;
                }
            }
        }
    }
}
