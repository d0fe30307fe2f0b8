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
internal sealed class DashboardGrid
{
    private const int FullRow = (1 << GridPlacement.Columns) - 1;

    // Taken cells, one bit per column, by row; sparse because a widget may sit far down the page.
    private readonly Dictionary<int, int> _rows = [];
    private int _firstOpenRow;

    public static IReadOnlyList<GridPlacement> Arrange(IReadOnlyList<PlacementRequest> requests)
    {
        var grid = new DashboardGrid();
        var placements = new GridPlacement[requests.Count];
        for (var index = 0; index < requests.Count; index++)
        {
            if (requests[index] is { X: { } x, Y: { } y } request)
            {
                placements[index] = grid.Take(new GridPlacement(FitX(x, request.Width), y, request.Width, request.Height));
            }
        }
        for (var index = 0; index < requests.Count; index++)
        {
            if (!requests[index].IsFixed)
            {
                placements[index] = grid.Take(grid.FirstFreeSpot(requests[index]));
            }
        }
        return placements;
    }

    // A widget that would stick out past the right edge is pulled back onto the grid, as the console does.
    private static int FitX(int x, int width) => Math.Min(x, GridPlacement.Columns - width);

    private static int Columns(int x, int width) => ((1 << width) - 1) << x;

    private int TakenIn(int row) => _rows.GetValueOrDefault(row);

    private GridPlacement Take(GridPlacement placement)
    {
        var columns = Columns(placement.X, placement.Width);
        for (var row = placement.Y; row < placement.Bottom; row++)
        {
            _rows[row] = TakenIn(row) | columns;
        }
        return placement;
    }

    private bool IsFree(int x, int y, int width, int height)
    {
        var columns = Columns(x, width);
        for (var row = y; row < y + height; row++)
        {
            if ((TakenIn(row) & columns) != 0)
            {
                return false;
            }
        }
        return true;
    }

    private GridPlacement FirstFreeSpot(PlacementRequest request)
    {
        while (TakenIn(_firstOpenRow) == FullRow)
        {
            _firstOpenRow++;
        }
        var firstX = request.X is { } x ? FitX(x, request.Width) : 0;
        var lastX = request.X is null ? GridPlacement.Columns - request.Width : firstX;
        // Below the lowest widget every spot is free, so the scan always ends.
        for (var y = request.Y ?? _firstOpenRow; ; y++)
        {
            for (var candidateX = firstX; candidateX <= lastX; candidateX++)
            {
                if (IsFree(candidateX, y, request.Width, request.Height))
                {
                    return new GridPlacement(candidateX, y, request.Width, request.Height);
                }
            }
        }
    }
}
