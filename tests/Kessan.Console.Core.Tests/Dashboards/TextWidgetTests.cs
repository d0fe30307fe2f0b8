using Kessan.Console.Core.Dashboards;
using static Kessan.Console.Core.Tests.Dashboards.DashboardBodies;

namespace Kessan.Console.Core.Tests.Dashboards;

public sealed class TextWidgetTests
{
    [Fact]
    public void A_text_widget_carries_its_markdown_on_a_solid_background()
    {
        var widget = ParseOnlyWidget("""{ "type": "text", "x": 0, "y": 7, "width": 3, "height": 3, "properties": { "markdown": "# Runbook\n[Slack](https://example.com)" } }""");

        Assert.Equal(
            new TextWidget(0, new GridPlacement(0, 7, 3, 3), "# Runbook\n[Slack](https://example.com)", TextBackground.Solid),
            widget);
    }

    [Fact]
    public void A_text_widget_can_have_a_transparent_background()
    {
        var widget = Assert.IsType<TextWidget>(ParseOnlyWidget("""{ "type": "text", "properties": { "markdown": "hi", "background": "transparent" } }"""));

        Assert.Equal(TextBackground.Transparent, widget.Background);
    }

    [Fact]
    public void A_text_widget_without_markdown_says_so()
    {
        Assert.Equal("properties.markdown is missing", ReasonFor("""{ "type": "text", "properties": {} }"""));
    }
}
