using Kessan.Console.Features.Dashboards.Widgets;

namespace Kessan.Console.Tests.Dashboards;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Text_widgets_render_markdown_headings_links_and_tables()
    {
        var html = MarkdownRenderer.ToSafeHtml("# Runbook\n[High response times](https://wiki.example/runbook)\n\n| a | b |\n|---|---|\n| 1 | 2 |");

        Assert.Contains("<h1", html);
        Assert.Contains("href=\"https://wiki.example/runbook\"", html);
        Assert.Contains("<table>", html);
    }

    [Fact]
    public void Raw_html_in_a_text_widget_is_shown_as_text_never_run()
    {
        var html = MarkdownRenderer.ToSafeHtml("<script>alert(1)</script><img src=x onerror=alert(2)>");

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void A_javascript_link_loses_its_target()
    {
        var html = MarkdownRenderer.ToSafeHtml("[click](javascript:alert(1))");

        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("click", html);
    }
}
