using System.Collections.Frozen;
using System.Globalization;
using Kessan.Console.Aws.CloudWatch;

namespace Kessan.LocalCloud.Metrics;

/// <summary>CloudWatch's rules for the parts of a metric, shared by the operations that take them. Each check
/// names the parameter it rejects (<c>MetricData.member.3.Dimensions.member.2.Value</c>).</summary>
internal static class MetricRules
{
    public const int MaxDimensions = 30;

    /// <summary>CloudWatch's StandardUnit values.</summary>
    public static readonly FrozenSet<string> StandardUnits = FrozenSet.Create(StringComparer.Ordinal,
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes",
        "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count",
        "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
        "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second", "None");

    public static void RequireName(string value, string parameter)
    {
        RequireText(value, parameter, 255);
        if (value.StartsWith(':'))
        {
            throw CloudWatchErrors.InvalidParameterValue($"The value {value} for parameter {parameter} is not valid: it must not start with a colon.");
        }
    }

    public static void RequireText(string value, string parameter, int maxLength)
    {
        if (value.Length is 0 || value.Length > maxLength)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter {parameter} must be 1 to {maxLength} characters long.");
        }

        if (string.IsNullOrWhiteSpace(value) || value.Any(character => character is < ' ' or > '~'))
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The value {value} for parameter {parameter} is not valid: it must be printable ASCII with at least one non-space character.");
        }
    }

    public static void RequireDimensions(IReadOnlyList<Dimension>? dimensions, string parameter)
    {
        if (dimensions is null)
        {
            return;
        }

        if (dimensions.Count > MaxDimensions)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The collection {parameter} must not have a size greater than {MaxDimensions}.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dimensions.Count; i++)
        {
            var member = $"{parameter}.member.{i + 1}";
            RequireName(dimensions[i].Name, $"{member}.Name");
            RequireText(dimensions[i].Value, $"{member}.Value", 1024);
            if (!names.Add(dimensions[i].Name))
            {
                throw CloudWatchErrors.InvalidParameterValue($"The collection {parameter} must not contain the dimension name {dimensions[i].Name} twice.");
            }
        }
    }

    public static void RequireUnit(string? unit, string parameter)
    {
        if (unit is not null && !StandardUnits.Contains(unit))
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The value {unit} for parameter {parameter} is not valid: it must be one of {string.Join(", ", StandardUnits.Order(StringComparer.Ordinal))}.");
        }
    }

    /// <summary>CloudWatch takes values between -2^360 and 2^360 and, unless zero, no smaller than 2^-360 in magnitude.</summary>
    public static void RequireValue(double value, string parameter)
    {
        var magnitude = Math.Abs(value);
        if (!double.IsFinite(value) || magnitude > Math.Pow(2, 360) || (value != 0 && magnitude < Math.Pow(2, -360)))
        {
            throw CloudWatchErrors.InvalidParameterValue(
                $"The value {value.ToString(CultureInfo.InvariantCulture)} for parameter {parameter} is not valid: values must be finite, within ±2^360, and 0 or at least 2^-360 in magnitude.");
        }
    }
}
