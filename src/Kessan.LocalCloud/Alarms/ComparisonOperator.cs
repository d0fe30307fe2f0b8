namespace Kessan.LocalCloud.Alarms;

/// <summary>The static-threshold comparisons; the value is the left operand, the threshold the right one.
/// Member names are the wire names.</summary>
public enum ComparisonOperator
{
    GreaterThanOrEqualToThreshold,
    GreaterThanThreshold,
    LessThanThreshold,
    LessThanOrEqualToThreshold,
}

public static class ComparisonOperators
{
    public const string Accepted = "GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold";

    public static bool TryParse(string? text, out ComparisonOperator comparison)
    {
        switch (text)
        {
            case nameof(ComparisonOperator.GreaterThanOrEqualToThreshold): comparison = ComparisonOperator.GreaterThanOrEqualToThreshold; return true;
            case nameof(ComparisonOperator.GreaterThanThreshold): comparison = ComparisonOperator.GreaterThanThreshold; return true;
            case nameof(ComparisonOperator.LessThanThreshold): comparison = ComparisonOperator.LessThanThreshold; return true;
            case nameof(ComparisonOperator.LessThanOrEqualToThreshold): comparison = ComparisonOperator.LessThanOrEqualToThreshold; return true;
            default: comparison = default; return false;
        }
    }

    public static bool Breaches(this ComparisonOperator comparison, double value, double threshold) => comparison switch
    {
        ComparisonOperator.GreaterThanOrEqualToThreshold => value >= threshold,
        ComparisonOperator.GreaterThanThreshold => value > threshold,
        ComparisonOperator.LessThanThreshold => value < threshold,
        _ => value <= threshold,
    };

    /// <summary>How CloudWatch's state reasons say it: "were greater than the threshold".</summary>
    public static string Phrase(this ComparisonOperator comparison) => comparison switch
    {
        ComparisonOperator.GreaterThanOrEqualToThreshold => "greater than or equal to",
        ComparisonOperator.GreaterThanThreshold => "greater than",
        ComparisonOperator.LessThanThreshold => "less than",
        _ => "less than or equal to",
    };
}
