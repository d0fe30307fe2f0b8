using Kessan.Console.Aws.CloudWatchLogs;

namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>A compiled query: the stages that run inside the scan, the first collecting stage that gathers what they
/// let through, the stages applied to what it gathered, and the columns of the result.</summary>
public sealed class QueryPlan(
    RowLayout layout,
    IReadOnlyList<RowStage> scanStages,
    CollectingStage collector,
    IReadOnlyList<QueryStage> rest,
    IReadOnlyList<(string Name, int Slot)> columns,
    int resultLimit)
{
    /// <summary>Rows when StartQuery gives no limit and the query has no limit command.</summary>
    public const int DefaultResultLimit = 1_000;

    public const int MaxResultLimit = 10_000;

    public RowLayout Layout { get; } = layout;

    // An array, not a list behind an interface: iterating it once per event must not allocate an enumerator.
    private readonly RowStage[] _scanStages = [.. scanStages];

    public CollectingStage Collector { get; } = collector;

    public IReadOnlyList<(string Name, int Slot)> Columns { get; } = columns;

    public int ResultLimit { get; } = resultLimit;

    public bool ScanSetsValues { get; } = scanStages.Any(stage => stage.SetsValues);

    /// <summary>Whether a row passes the stages that run inside the scan.</summary>
    public bool Passes(QueryRow row)
    {
        foreach (var stage in _scanStages)
        {
            if (!stage.Process(row))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The result for what the collector has gathered so far (final once the scan is done).</summary>
    public IReadOnlyList<IReadOnlyList<ResultField>> Results(RowCollector collecting)
    {
        var rows = collecting.Current();
        foreach (var stage in rest)
        {
            rows = stage.Apply(rows);
        }

        var shown = Math.Min(rows.Count, ResultLimit);
        var results = new IReadOnlyList<ResultField>[shown];
        for (var i = 0; i < shown; i++)
        {
            results[i] = Render(rows[i]);
        }

        return results;
    }

    private List<ResultField> Render(QueryRow row)
    {
        var fields = new List<ResultField>(Columns.Count + 1);
        foreach (var (name, slot) in Columns)
        {
            if (row.Get(slot).AsText() is { } text)
            {
                fields.Add(new ResultField(name, text));
            }
        }

        if (row.IsEvent)
        {
            fields.Add(new ResultField("@ptr", LogRecordPointer.Encode(row.Group!.Group.Id, row.Source!.Sequence(row.Index))));
        }

        return fields;
    }
}
