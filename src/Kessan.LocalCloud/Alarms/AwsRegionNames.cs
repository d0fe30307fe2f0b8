namespace Kessan.LocalCloud.Alarms;

/// <summary>Region names as CloudWatch writes them in alarm notifications ("Asia Pacific (Tokyo)").</summary>
public static class AwsRegionNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = "US East (N. Virginia)",
        ["us-east-2"] = "US East (Ohio)",
        ["us-west-1"] = "US West (N. California)",
        ["us-west-2"] = "US West (Oregon)",
        ["ca-central-1"] = "Canada (Central)",
        ["sa-east-1"] = "South America (Sao Paulo)",
        ["eu-west-1"] = "EU (Ireland)",
        ["eu-west-2"] = "EU (London)",
        ["eu-west-3"] = "EU (Paris)",
        ["eu-central-1"] = "EU (Frankfurt)",
        ["eu-north-1"] = "EU (Stockholm)",
        ["ap-northeast-1"] = "Asia Pacific (Tokyo)",
        ["ap-northeast-2"] = "Asia Pacific (Seoul)",
        ["ap-northeast-3"] = "Asia Pacific (Osaka)",
        ["ap-southeast-1"] = "Asia Pacific (Singapore)",
        ["ap-southeast-2"] = "Asia Pacific (Sydney)",
        ["ap-south-1"] = "Asia Pacific (Mumbai)",
        ["ap-east-1"] = "Asia Pacific (Hong Kong)",
    };

    /// <summary>The display name; the code itself for a Region not listed.</summary>
    public static string DisplayName(string region) => Names.GetValueOrDefault(region, region);
}
