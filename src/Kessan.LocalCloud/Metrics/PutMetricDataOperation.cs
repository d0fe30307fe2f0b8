using Kessan.Console.Aws.CloudWatch;

namespace Kessan.LocalCloud.Metrics;

/// <summary>PutMetricData: validates the whole request as CloudWatch does, then stores it.</summary>
internal sealed class PutMetricDataOperation(MetricStore store, TimeProvider clock)
{
    public const int MaxData = 1000;
    public const int MaxValues = 150;
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(14);

    public EmptyResponse Handle(PutMetricDataRequest request, CancellationToken cancellationToken)
    {
        Validate(request, clock.GetUtcNow());
        store.Put(request.Namespace, request.MetricData);
        return new EmptyResponse();
    }

    private static void Validate(PutMetricDataRequest request, DateTimeOffset now)
    {
        MetricRules.RequireName(request.Namespace, "Namespace");
        if (request.Namespace.StartsWith("AWS/", StringComparison.Ordinal))
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The value {request.Namespace} for parameter Namespace is not valid: namespaces starting with AWS/ are reserved for AWS services.");
        }

        if (request.MetricData.Count == 0)
        {
            throw CloudWatchErrors.MissingParameter("MetricData");
        }

        if (request.MetricData.Count > MaxData)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection MetricData must not have a size greater than {MaxData}.");
        }

        for (var i = 0; i < request.MetricData.Count; i++)
        {
            Validate(request.MetricData[i], $"MetricData.member.{i + 1}", now);
        }
    }

    private static void Validate(MetricDatum datum, string parameter, DateTimeOffset now)
    {
        MetricRules.RequireText(datum.MetricName, $"{parameter}.MetricName", 255);
        MetricRules.RequireDimensions(datum.Dimensions, $"{parameter}.Dimensions");
        MetricRules.RequireUnit(datum.Unit, $"{parameter}.Unit");
        RequireExclusive(datum.Value is not null, "Value", datum.StatisticValues is not null, "StatisticValues", parameter);
        RequireExclusive(datum.Values is not null, "Values", datum.Value is not null, "Value", parameter);
        RequireExclusive(datum.Values is not null, "Values", datum.StatisticValues is not null, "StatisticValues", parameter);

        if (datum.Value is { } value)
        {
            MetricRules.RequireValue(value, $"{parameter}.Value");
        }
        else if (datum.Values is { } values)
        {
            RequireValues(values, datum.Counts, parameter);
        }
        else if (datum.StatisticValues is { } set)
        {
            RequireStatisticSet(set, $"{parameter}.StatisticValues");
        }
        else
        {
            throw CloudWatchErrors.MissingParameter($"{parameter}.Value");
        }

        if (datum.Counts is not null && datum.Values is null)
        {
            throw CloudWatchErrors.InvalidParameterCombination($"The parameter {parameter}.Counts needs {parameter}.Values.");
        }

        if (datum.Timestamp is { } timestamp && timestamp < now - MaxAge)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter {parameter}.Timestamp must specify a time no more than two weeks in the past.");
        }

        if (datum.Timestamp is { } future && future > now + MetricStore.MaxFuture)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter {parameter}.Timestamp must specify a time no more than two hours in the future.");
        }

        if (datum.StorageResolution is not (null or 1 or 60))
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter {parameter}.StorageResolution must be 1 or 60.");
        }
    }

    private static void RequireExclusive(bool first, string firstName, bool second, string secondName, string parameter)
    {
        if (first && second)
        {
            throw CloudWatchErrors.InvalidParameterCombination(
                $"The parameters {parameter}.{firstName} and {parameter}.{secondName} are mutually exclusive and you have specified both.");
        }
    }

    private static void RequireValues(IReadOnlyList<double> values, IReadOnlyList<double>? counts, string parameter)
    {
        if (values.Count > MaxValues)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection {parameter}.Values must not have a size greater than {MaxValues}.");
        }

        if (counts is not null && counts.Count != values.Count)
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The parameters {parameter}.Values and {parameter}.Counts must be of the same size; they have {values.Count} and {counts.Count} members.");
        }

        for (var i = 0; i < values.Count; i++)
        {
            MetricRules.RequireValue(values[i], $"{parameter}.Values.member.{i + 1}");
            if (counts is not null && !(double.IsFinite(counts[i]) && counts[i] >= 0))
            {
                throw CloudWatchErrors.InvalidParameterValue($"The parameter {parameter}.Counts.member.{i + 1} must be a finite number of at least 0.");
            }
        }
    }

    private static void RequireStatisticSet(StatisticSet set, string parameter)
    {
        MetricRules.RequireValue(set.SampleCount, $"{parameter}.SampleCount");
        MetricRules.RequireValue(set.Sum, $"{parameter}.Sum");
        MetricRules.RequireValue(set.Minimum, $"{parameter}.Minimum");
        MetricRules.RequireValue(set.Maximum, $"{parameter}.Maximum");
        if (set.SampleCount <= 0)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter {parameter}.SampleCount must be greater than 0.");
        }

        if (set.Minimum > set.Maximum)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter {parameter}.Minimum must not be greater than {parameter}.Maximum.");
        }
    }
}
