using Kessan.Console.Core.Dashboards;
using static Kessan.Console.Core.Tests.Dashboards.DashboardBodies;

namespace Kessan.Console.Core.Tests.Dashboards;

public sealed class GridPlacementTests
{
    private static string Text(string placement) =>
        $$"""{ "type": "text", {{placement}} "properties": { "markdown": "hi" } }""";

    private static IEnumerable<GridPlacement> Placements(params string[] placements) =>
        DashboardBodyParser.Parse(Body(placements.Select(Text).ToArray())).Widgets.Select(widget => widget.Placement);

    [Fact]
    public void A_widget_with_x_and_y_stays_where_it_is_written()
    {
        Assert.Equal([new GridPlacement(3, 40, 9, 2)], Placements("""  "x": 3, "y": 40, "width": 9, "height": 2, """));
    }

    [Fact]
    public void Width_and_height_default_to_six()
    {
        Assert.Equal([new GridPlacement(6, 0, 6, 6)], Placements("""  "x": 6, "y": 0, """));
    }

    [Fact]
    public void Widgets_without_x_and_y_fill_left_to_right_then_top_to_bottom()
    {
        Assert.Equal(
            [new GridPlacement(0, 0, 12, 6), new GridPlacement(12, 0, 12, 6), new GridPlacement(0, 6, 12, 6)],
            Placements(""" "width": 12, """, """ "width": 12, """, """ "width": 12, """));
    }

    [Fact]
    public void An_unplaced_widget_takes_the_first_free_spot_beside_placed_ones()
    {
        Assert.Equal(
            [new GridPlacement(0, 0, 12, 6), new GridPlacement(12, 0, 6, 6)],
            Placements(""" "x": 0, "y": 0, "width": 12, """, ""));
    }

    [Fact]
    public void An_unplaced_widget_goes_below_when_the_row_has_no_room_for_it()
    {
        Assert.Equal(
            [new GridPlacement(0, 0, 18, 6), new GridPlacement(0, 6, 12, 3)],
            Placements(""" "x": 0, "y": 0, "width": 18, """, """ "width": 12, "height": 3, """));
    }

    [Fact]
    public void An_unplaced_widget_fills_a_gap_left_above_a_later_placed_widget()
    {
        Assert.Equal(
            [new GridPlacement(0, 0, 24, 2), new GridPlacement(0, 2, 12, 4), new GridPlacement(0, 6, 24, 6)],
            Placements(""" "x": 0, "y": 0, "width": 24, "height": 2, """, """ "width": 12, "height": 4, """, """ "x": 0, "y": 6, "width": 24, """));
    }

    [Fact]
    public void Placed_widgets_keep_their_spot_even_when_they_come_later_in_the_body()
    {
        Assert.Equal(
            [new GridPlacement(12, 0, 12, 6), new GridPlacement(0, 0, 12, 6)],
            Placements(""" "width": 12, """, """ "x": 0, "y": 0, "width": 12, """));
    }

    [Fact]
    public void A_widget_with_only_x_keeps_its_column_and_goes_below_what_is_there()
    {
        Assert.Equal(
            [new GridPlacement(0, 0, 24, 6), new GridPlacement(18, 6, 6, 6)],
            Placements(""" "x": 0, "y": 0, "width": 24, """, """ "x": 18, """));
    }

    [Fact]
    public void A_widget_with_only_y_keeps_its_row_and_takes_the_first_free_column()
    {
        Assert.Equal(
            [new GridPlacement(0, 10, 6, 6), new GridPlacement(6, 10, 6, 6)],
            Placements(""" "x": 0, "y": 10, """, """ "y": 10, """));
    }

    [Fact]
    public void A_widget_sticking_out_past_the_right_edge_is_pulled_back_onto_the_grid()
    {
        Assert.Equal([new GridPlacement(12, 0, 12, 6)], Placements(""" "x": 20, "y": 0, "width": 12, """));
    }

    [Fact]
    public void Five_hundred_unplaced_widgets_tile_the_grid_four_to_a_row()
    {
        var placements = Placements(Enumerable.Repeat("", 500).ToArray()).ToArray();

        Assert.Equal(
            (new GridPlacement(0, 0, 6, 6), new GridPlacement(18, 744, 6, 6)),
            (placements[0], placements[^1]));
    }
}
