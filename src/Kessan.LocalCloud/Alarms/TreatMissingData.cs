namespace Kessan.LocalCloud.Alarms;

/// <summary>How an alarm fills periods without data when it has fewer real datapoints than EvaluationPeriods.</summary>
public enum TreatMissingData
{
    /// <summary>The default: decide from the real datapoints; INSUFFICIENT_DATA when they cannot decide.</summary>
    Missing,
    NotBreaching,
    Breaching,

    /// <summary>Keep the current state when the real datapoints cannot decide.</summary>
    Ignore,
}

public static class TreatMissingDataValues
{
    public const string Accepted = "missing, notBreaching, breaching, ignore";

    public static string WireName(this TreatMissingData treatment) => treatment switch
    {
        TreatMissingData.Missing => "missing",
        TreatMissingData.NotBreaching => "notBreaching",
        TreatMissingData.Breaching => "breaching",
        _ => "ignore",
    };

    public static bool TryParse(string? text, out TreatMissingData treatment)
    {
        switch (text)
        {
            case "missing": treatment = TreatMissingData.Missing; return true;
            case "notBreaching": treatment = TreatMissingData.NotBreaching; return true;
            case "breaching": treatment = TreatMissingData.Breaching; return true;
            case "ignore": treatment = TreatMissingData.Ignore; return true;
            default: treatment = default; return false;
        }
    }
}
