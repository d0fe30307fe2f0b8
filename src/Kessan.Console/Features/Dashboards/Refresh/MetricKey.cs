using Kessan.Console.Core.Dashboards;
using Kessan.Console.Core.Time;

namespace Kessan.Console.Features.Dashboards.Refresh;

/// <summary>One CloudWatch series as a widget asks for it: metric, statistic and period.</summary>
public sealed record MetricQuery(string Namespace, string MetricName, IReadOnlyList<MetricDimension> Dimensions, string Stat, int Period)
{
    public bool Equals(MetricQuery? other) =>
        other is not null
        && Namespace == other.Namespace
        && MetricName == other.MetricName
        && Stat == other.Stat
        && Period == other.Period
        && Dimensions.SequenceEqual(other.Dimensions);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Namespace);
        hash.Add(MetricName);
        hash.Add(Stat);
        hash.Add(Period);
        foreach (var dimension in Dimensions)
        {
            hash.Add(dimension);
        }
        return hash.ToHashCode();
    }
}

/// <summary>What viewers share: the same query over the same (possibly relative) time range is fetched once,
/// however many circuits show it.</summary>
public sealed record MetricKey(MetricQuery Query, TimeRange Range);
