using System.Globalization;

namespace Kessan.LocalCloud.Metrics;

public enum StatisticKind
{
    SampleCount,
    Sum,
    Average,
    Minimum,
    Maximum,
    Percentile,
}

/// <summary>A statistic CloudWatch computes over a period: one of the five standard ones, or a percentile
/// (<c>p99</c>, <c>p99.9</c>) with <see cref="Percentile"/> between 0 and 100.</summary>
public readonly record struct Statistic(StatisticKind Kind, double Percentile = 0)
{
    private const int MaxPercentileDecimals = 10;

    public static bool TryParse(string text, out Statistic statistic)
    {
        statistic = text switch
        {
            "SampleCount" => new(StatisticKind.SampleCount),
            "Sum" => new(StatisticKind.Sum),
            "Average" => new(StatisticKind.Average),
            "Minimum" => new(StatisticKind.Minimum),
            "Maximum" => new(StatisticKind.Maximum),
            _ => new(StatisticKind.Percentile, -1),
        };
        if (statistic.Kind != StatisticKind.Percentile)
        {
            return true;
        }

        if (text.Length < 2 || text[0] != 'p')
        {
            return false;
        }

        var number = text.AsSpan(1);
        var point = number.IndexOf('.');
        if ((point >= 0 && (point == 0 || number.Length - point - 1 is < 1 or > MaxPercentileDecimals))
            || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percentile)
            || percentile > 100)
        {
            return false;
        }

        statistic = new(StatisticKind.Percentile, percentile);
        return true;
    }
}
