using Kessan.Console.Aws.CloudWatch;

namespace Kessan.LocalCloud.Tests.Simulator;

/// <summary>The seed's four CloudWatch alarms (cloudwatch-alarms.yml) for environment "local".</summary>
public sealed record SeedAlarm(
    string Name,
    string Namespace,
    string MetricName,
    IReadOnlyList<Dimension> Dimensions,
    bool IsSum,
    double Threshold,
    int EvaluationPeriods)
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(300);

    public static readonly SeedAlarm HighResponseTime = new(
        "API-HighResponseTime", "Kessan/Business", "APIResponseTime", [new("Endpoint", "/stocks/search")], IsSum: false, 1000, 2);

    public static readonly SeedAlarm HighConnections = new(
        "DB-HighConnections", "AWS/RDS", "DatabaseConnections", [new("DBInstanceIdentifier", "kessan-db-local")], IsSum: false, 80, 2);

    public static readonly SeedAlarm HighCpu = new(
        "ECS-HighCPU", "AWS/ECS", "CPUUtilization", [new("ServiceName", "kessan-api-service"), new("ClusterName", "kessan-local")], IsSum: false, 80, 3);

    public static readonly SeedAlarm HighErrorRate = new(
        "API-HighErrorRate", "Kessan/Business", "APIRequests", [new("StatusCode", "500")], IsSum: true, 10, 2);

    public static readonly IReadOnlyList<SeedAlarm> All = [HighResponseTime, HighConnections, HighCpu, HighErrorRate];

    public static SeedAlarm Named(string name) => All.Single(a => a.Name == name);

    public override string ToString() => Name;
}

/// <summary>An alarm's statistic per aligned 5-minute period, computed from published datums the way CloudWatch does:
/// a datum belongs to the metric with exactly its dimensions; Sum adds values, Average is Sum / SampleCount.</summary>
public sealed class AlarmPeriods(SeedAlarm alarm)
{
    private readonly SortedDictionary<long, (double Sum, double SampleCount)> _periods = [];

    public void Add(PublishedDatum published)
    {
        var datum = published.Datum;
        if (published.Namespace != alarm.Namespace || datum.MetricName != alarm.MetricName
            || !(datum.Dimensions ?? []).OrderBy(d => d.Name).SequenceEqual(alarm.Dimensions.OrderBy(d => d.Name)))
        {
            return;
        }

        var period = datum.Timestamp!.Value.ToUnixTimeSeconds() / (long)SeedAlarm.Period.TotalSeconds;
        var (sum, count) = _periods.GetValueOrDefault(period);
        if (datum.Values is { } values)
        {
            var counts = datum.Counts!;
            sum += values.Select((v, i) => v * counts[i]).Sum();
            count += counts.Sum();
        }
        else
        {
            sum += datum.Value!.Value;
            count += 1;
        }

        _periods[period] = (sum, count);
    }

    public void AddRange(IEnumerable<PublishedDatum> data)
    {
        foreach (var published in data)
        {
            Add(published);
        }
    }

    public IReadOnlyList<double> Values => [.. _periods.Values.Select(p => alarm.IsSum ? p.Sum : p.Sum / p.SampleCount)];

    /// <summary>The longest run of consecutive periods whose statistic is above <paramref name="level"/>.</summary>
    public int LongestRunAbove(double level)
    {
        int longest = 0, run = 0;
        long? previous = null;
        foreach (var (period, (sum, count)) in _periods)
        {
            var value = alarm.IsSum ? sum : sum / count;
            run = value > level ? (previous == period - 1 ? run + 1 : 1) : 0;
            previous = value > level ? period : null;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
