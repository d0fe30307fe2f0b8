namespace Kessan.Console.Aws;

/// <summary>The AWS services the console calls.</summary>
public enum AwsService
{
    CloudWatch,
    CloudWatchLogs,
}
