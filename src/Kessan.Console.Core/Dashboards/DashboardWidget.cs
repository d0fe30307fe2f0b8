namespace Kessan.Console.Core.Dashboards;

/// <summary>One widget of a dashboard, in body order (<see cref="Index"/> is its place in <c>widgets</c>).</summary>
public abstract record DashboardWidget(int Index, GridPlacement Placement);

/// <summary>A widget's cell rectangle on CloudWatch's 24-column grid; rows are as tall as the page makes them.</summary>
public sealed record GridPlacement(int X, int Y, int Width, int Height)
{
    public const int Columns = 24;
    public const int DefaultWidth = 6;
    public const int DefaultHeight = 6;

    public int Right => X + Width;

    public int Bottom => Y + Height;
}

/// <summary>A <c>text</c> widget: markdown on a solid (the default) or transparent background.</summary>
public sealed record TextWidget(int Index, GridPlacement Placement, string Markdown, TextBackground Background)
    : DashboardWidget(Index, Placement);

public enum TextBackground
{
    Solid,
    Transparent,
}

/// <summary>
/// A widget the console cannot draw. <see cref="Reason"/> is a sentence for the user that names the place in
/// the widget (<c>metrics[0][1] must be a string (the metric name)</c>); the page shows it in the widget's box.
/// </summary>
public sealed record UndrawableWidget(int Index, GridPlacement Placement, string? Title, string? Type, string Reason)
    : DashboardWidget(Index, Placement);
