using System.Text.Json;

namespace Kessan.Console.Core.Dashboards;

/// <summary>
/// Reads a CloudWatch dashboard body (the <c>DashboardBody</c> JSON of GetDashboard/PutDashboard) the way
/// CloudWatch draws it. Never throws for bad content: a body it cannot read at all comes back with
/// <see cref="DashboardDefinition.Problem"/>; a widget it cannot draw comes back as an
/// <see cref="UndrawableWidget"/> that says why, and the other widgets still parse.
/// </summary>
public static class DashboardBodyParser
{
    /// <summary>The region a widget without <c>region</c> reads from when the caller names none: Kessan's.</summary>
    public const string DefaultRegion = "ap-northeast-1";

    // CloudWatch sets no bottom; 500 widgets of the tallest height fit well above this.
    private const int LowestRow = 1_000_000;

    private static readonly string[] UnsupportedTypes = ["log", "alarm", "explorer", "custom"];

    private static readonly (string, PeriodOverride)[] PeriodOverrides = [("auto", PeriodOverride.Auto), ("inherit", PeriodOverride.Inherit)];

    private static readonly (string, TextBackground)[] TextBackgrounds = [("solid", TextBackground.Solid), ("transparent", TextBackground.Transparent)];

    /// <param name="json">The dashboard body.</param>
    /// <param name="defaultRegion">The region of widgets and rows that name none (CloudWatch uses the console's region).</param>
    public static DashboardDefinition Parse(string json, string defaultRegion = DefaultRegion)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return DashboardDefinition.Unreadable("The dashboard body is empty.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return DashboardDefinition.Unreadable(
                $"The dashboard body is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).");
        }
        using (document)
        {
            return Read(document.RootElement, defaultRegion);
        }
    }

    private static DashboardDefinition Read(JsonElement root, string defaultRegion)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return DashboardDefinition.Unreadable(
                $"The dashboard body must be a JSON object with a \"widgets\" array, not {PropertyReader.Describe(root)}.");
        }
        if (!root.TryGetProperty("widgets", out var widgets))
        {
            return DashboardDefinition.Unreadable("The dashboard body has no \"widgets\" array.");
        }
        if (widgets.ValueKind != JsonValueKind.Array)
        {
            return DashboardDefinition.Unreadable(
                $"The dashboard body's \"widgets\" must be an array, not {PropertyReader.Describe(widgets)}.");
        }

        var elements = widgets.EnumerateArray().ToArray();
        var requests = elements.Select(RequestedPlacement).ToArray();
        var placements = DashboardGrid.Arrange(requests.Select(request => request.Request).ToArray());
        var parsed = elements.Select((element, index) =>
            Widget(element, index, placements[index], requests[index].Problem, defaultRegion));

        var dashboard = new PropertyReader(root, "");
        return new DashboardDefinition(parsed.ToArray(), Problem: null)
        {
            Start = Lenient(() => dashboard.String("start")),
            End = Lenient(() => dashboard.String("end")),
            PeriodOverride = Lenient(() => dashboard.Choice("periodOverride", PeriodOverrides)),
        };
    }

    // The dashboard's own time settings only preset the picker: a bad one is dropped rather than failing the page.
    private static T? Lenient<T>(Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (DashboardWidgetException)
        {
            return default;
        }
    }

    /// <summary>The placement a widget asks for; a bad value falls back to the default and is reported with the widget.</summary>
    private static (PlacementRequest Request, string? Problem) RequestedPlacement(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (PlacementRequest.Default, null);
        }
        var widget = new PropertyReader(element, "");
        string? problem = null;
        int? Number(string name, int min, int max, string expected)
        {
            try
            {
                return widget.WholeNumber(name, min, max, expected);
            }
            catch (DashboardWidgetException e)
            {
                problem ??= e.Message;
                return null;
            }
        }
        var columns = GridPlacement.Columns;
        var request = new PlacementRequest(
            Number("x", 0, columns - 1, $"a whole number from 0 to {columns - 1}"),
            Number("y", 0, LowestRow, $"a whole number from 0 to {LowestRow}"),
            Number("width", 1, columns, $"a whole number from 1 to {columns}") ?? GridPlacement.DefaultWidth,
            Number("height", 1, 1000, "a whole number from 1 to 1000") ?? GridPlacement.DefaultHeight);
        return (request, problem);
    }

    private static DashboardWidget Widget(
        JsonElement element, int index, GridPlacement placement, string? placementProblem, string defaultRegion)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new UndrawableWidget(index, placement, null, null,
                $"widgets[{index}] must be an object (got {PropertyReader.Describe(element)})");
        }
        var widget = new PropertyReader(element, "");
        string? type = null;
        try
        {
            type = widget.RequiredString("type");
            if (UnsupportedTypes.Contains(type))
            {
                throw new DashboardWidgetException($"{type} widgets are not supported yet");
            }
            if (type is not ("metric" or "text"))
            {
                throw new DashboardWidgetException(
                    $"type \"{type}\" is not a CloudWatch widget type (metric, text, {string.Join(", ", UnsupportedTypes)})");
            }
            if (placementProblem is not null)
            {
                throw new DashboardWidgetException(placementProblem);
            }
            var properties = widget.RequiredObject("properties");
            return type == "metric"
                ? MetricWidgetReader.Read(properties, index, placement, defaultRegion)
                : new TextWidget(index, placement, properties.RequiredString("markdown"),
                    properties.Choice("background", TextBackgrounds) ?? TextBackground.Solid);
        }
        catch (DashboardWidgetException e)
        {
            return new UndrawableWidget(index, placement, TitleOf(widget), type, e.Message);
        }
    }

    private static string? TitleOf(PropertyReader widget) =>
        Lenient(() => widget.Object("properties")?.String("title"));
}
