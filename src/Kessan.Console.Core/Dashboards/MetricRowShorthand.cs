using System.Text.Json;

namespace Kessan.Console.Core.Dashboards;

/// <summary>A metric row with its shorthand expanded: namespace, metric name, then name/value pairs.</summary>
internal sealed record MetricRow(int Index, IReadOnlyList<string> Values, PropertyReader? Options);

/// <summary>
/// Expands the rows of <c>properties.metrics</c> as CloudWatch does. <c>"."</c> is the value at the same
/// position of the row above; <c>"..."</c> repeats the row above from its own position up to where the values
/// written after it begin, aligned so that the row ends with those values (the row keeps the length of the row
/// above). "The row above" is always the expanded one; a trailing options object is never inherited.
/// </summary>
internal static class MetricRowShorthand
{
    private const string SameAsAbove = ".";
    private const string RestOfAbove = "...";

    public static IReadOnlyList<MetricRow> Expand(JsonElement metrics)
    {
        var rows = new List<MetricRow>();
        IReadOnlyList<string>? above = null;
        foreach (var row in metrics.EnumerateArray())
        {
            var expanded = ExpandRow(row, rows.Count, above);
            rows.Add(expanded);
            above = expanded.Values;
        }
        return rows;
    }

    private static MetricRow ExpandRow(JsonElement row, int index, IReadOnlyList<string>? above)
    {
        var place = $"metrics[{index}]";
        if (row.ValueKind != JsonValueKind.Array)
        {
            throw new DashboardWidgetException(
                $"{place} must be an array such as [\"AWS/EC2\", \"CPUUtilization\", \"InstanceId\", \"i-0123\"] (got {PropertyReader.Describe(row)})");
        }
        var items = row.EnumerateArray().ToArray();
        var options = ReadOptions(items, place);
        var tokens = options is null ? items : items[..^1];
        var layout = RowLayout.Of(tokens, place, above);

        var values = new string[layout.Length];
        for (var at = 0; at < tokens.Length; at++)
        {
            if (at == layout.RestAt)
            {
                continue;
            }
            var position = layout.PositionOf(at);
            var text = tokens[at].ValueKind == JsonValueKind.String
                ? tokens[at].GetString()!
                : throw new DashboardWidgetException($"{place}[{at}] must be a string ({RoleOf(position)})");
            values[position] = text == SameAsAbove ? ValueAbove(above, position, $"{place}[{at}]") : text;
        }
        layout.CopyRest(above, values);

        if (values.Length < 2)
        {
            throw new DashboardWidgetException($"{place} needs at least a namespace and a metric name");
        }
        if (values.Length % 2 != 0)
        {
            throw new DashboardWidgetException($"{place} has the dimension name \"{values[^1]}\" without a value");
        }
        return new MetricRow(index, values, options);
    }

    private static PropertyReader? ReadOptions(JsonElement[] items, string place)
    {
        if (items.Length == 0 || items[^1].ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var options = new PropertyReader(items[^1], $"{place}[{items.Length - 1}]");
        return options.Has("expression")
            ? throw new DashboardWidgetException($"{place} is a metric math expression; metric math is not supported yet")
            : options;
    }

    private static string ValueAbove(IReadOnlyList<string>? above, int position, string place)
    {
        if (above is null)
        {
            throw new DashboardWidgetException($"{place} is \".\", but there is no row above to copy from");
        }
        return position < above.Count
            ? above[position]
            : throw new DashboardWidgetException($"{place} is \".\", but the row above has only {above.Count} items");
    }

    private static string RoleOf(int position) => position switch
    {
        0 => "the namespace",
        1 => "the metric name",
        _ when position % 2 == 0 => "a dimension name",
        _ => "a dimension value",
    };

    /// <summary>Where each written value lands in the expanded row, given where (if anywhere) "..." stands.</summary>
    private readonly record struct RowLayout(int RestAt, int Tail, int Length)
    {
        private const int None = -1;

        public static RowLayout Of(JsonElement[] tokens, string place, IReadOnlyList<string>? above)
        {
            var restAt = None;
            for (var at = 0; at < tokens.Length; at++)
            {
                if (tokens[at].ValueKind != JsonValueKind.String || tokens[at].GetString() != RestOfAbove)
                {
                    continue;
                }
                if (restAt != None)
                {
                    throw new DashboardWidgetException($"{place} has \"...\" twice (at {restAt} and {at}); a row may use it once");
                }
                restAt = at;
            }
            if (restAt == None)
            {
                return new RowLayout(None, 0, tokens.Length);
            }
            if (above is null)
            {
                throw new DashboardWidgetException($"{place}[{restAt}] is \"...\", but there is no row above to repeat");
            }
            if (restAt > above.Count)
            {
                throw new DashboardWidgetException(
                    $"{place}[{restAt}] is \"...\", but the row above has only {above.Count} items");
            }
            var tail = tokens.Length - restAt - 1;
            var available = above.Count - restAt;
            if (tail > available)
            {
                var from = restAt == 0 ? "" : $" from position {restAt}";
                throw new DashboardWidgetException(
                    $"{place} has {tail} items after \"...\", but the row above has only {available}{from}");
            }
            return new RowLayout(restAt, tail, above.Count);
        }

        public int PositionOf(int at) => RestAt != None && at > RestAt ? Length - Tail + (at - RestAt - 1) : at;

        public void CopyRest(IReadOnlyList<string>? above, string[] values)
        {
            if (RestAt == None)
            {
                return;
            }
            for (var position = RestAt; position < Length - Tail; position++)
            {
                values[position] = above![position];
            }
        }
    }
}
