using Kessan.Console.Aws.CloudWatch;

namespace Kessan.LocalCloud.Alarms;

/// <summary>The seed's four CloudWatch alarms (cloudwatch-alarms.yml) as PutMetricAlarm requests, with the environment
/// substituted as CloudFormation's <c>!Sub</c> does. The seed's SNSTopicArn parameter becomes the topic
/// kessan-{env}-alerts; it is the OK action too, so recoveries are notified. TreatMissingData is left unset, as in
/// the seed (CloudWatch then treats missing data as missing).</summary>
public static class SeedAlarms
{
    public static string TopicArn(string environment, string region, string accountId) => $"arn:aws:sns:{region}:{accountId}:kessan-{environment}-alerts";

    public static IReadOnlyList<PutMetricAlarmRequest> For(string environment, string region, string accountId)
    {
        string[] topic = [TopicArn(environment, region, accountId)];
        return
        [
            new PutMetricAlarmRequest
            {
                AlarmName = $"Kessan-{environment}-API-HighResponseTime",
                AlarmDescription = "API response time is too high",
                MetricName = "APIResponseTime",
                Namespace = "Kessan/Business",
                Statistic = "Average",
                Period = 300,
                EvaluationPeriods = 2,
                Threshold = 1000,
                ComparisonOperator = "GreaterThanThreshold",
                AlarmActions = topic,
                OKActions = topic,
                Dimensions = [new Dimension("Endpoint", "/stocks/search")],
            },
            new PutMetricAlarmRequest
            {
                AlarmName = $"Kessan-{environment}-DB-HighConnections",
                AlarmDescription = "Database connection count is too high",
                MetricName = "DatabaseConnections",
                Namespace = "AWS/RDS",
                Statistic = "Average",
                Period = 300,
                EvaluationPeriods = 2,
                Threshold = 80,
                ComparisonOperator = "GreaterThanThreshold",
                AlarmActions = topic,
                OKActions = topic,
                Dimensions = [new Dimension("DBInstanceIdentifier", $"kessan-db-{environment}")],
            },
            new PutMetricAlarmRequest
            {
                AlarmName = $"Kessan-{environment}-ECS-HighCPU",
                AlarmDescription = "ECS service CPU utilization is too high",
                MetricName = "CPUUtilization",
                Namespace = "AWS/ECS",
                Statistic = "Average",
                Period = 300,
                EvaluationPeriods = 3,
                Threshold = 80,
                ComparisonOperator = "GreaterThanThreshold",
                AlarmActions = topic,
                OKActions = topic,
                Dimensions = [new Dimension("ServiceName", "kessan-api-service"), new Dimension("ClusterName", $"kessan-{environment}")],
            },
            new PutMetricAlarmRequest
            {
                AlarmName = $"Kessan-{environment}-API-HighErrorRate",
                AlarmDescription = "API error rate is too high",
                MetricName = "APIRequests",
                Namespace = "Kessan/Business",
                Statistic = "Sum",
                Period = 300,
                EvaluationPeriods = 2,
                Threshold = 10,
                ComparisonOperator = "GreaterThanThreshold",
                AlarmActions = topic,
                OKActions = topic,
                Dimensions = [new Dimension("StatusCode", "500")],
            },
        ];
    }
}
