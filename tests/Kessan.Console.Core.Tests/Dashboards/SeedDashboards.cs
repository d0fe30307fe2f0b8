namespace Kessan.Console.Core.Tests.Dashboards;

/// <summary>The two dashboard bodies of the seed's CloudFormation template, with Environment = production.</summary>
internal static class SeedDashboards
{
    public const string Main = """
        {
          "widgets": [
            {
              "type": "metric",
              "x": 0,
              "y": 0,
              "width": 12,
              "height": 6,
              "properties": {
                "metrics": [
                  [ "AWS/ECS", "CPUUtilization", "ServiceName", "kessan-api-service", "ClusterName", "kessan-production" ],
                  [ ".", "MemoryUtilization", ".", ".", ".", "." ]
                ],
                "view": "timeSeries",
                "stacked": false,
                "region": "ap-northeast-1",
                "title": "ECS Service Metrics",
                "period": 300
              }
            },
            {
              "type": "metric",
              "x": 12,
              "y": 0,
              "width": 12,
              "height": 6,
              "properties": {
                "metrics": [
                  [ "AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "kessan-db-production" ],
                  [ ".", "DatabaseConnections", ".", "." ],
                  [ ".", "ReadLatency", ".", "." ],
                  [ ".", "WriteLatency", ".", "." ]
                ],
                "view": "timeSeries",
                "stacked": false,
                "region": "ap-northeast-1",
                "title": "RDS Metrics",
                "period": 300
              }
            },
            {
              "type": "metric",
              "x": 0,
              "y": 6,
              "width": 12,
              "height": 6,
              "properties": {
                "metrics": [
                  [ "Kessan/Business", "APIRequests", "Endpoint", "/stocks/search" ],
                  [ "...", "/analysis/{ticker}/generate" ],
                  [ "...", "/watchlist" ]
                ],
                "view": "timeSeries",
                "stacked": false,
                "region": "ap-northeast-1",
                "title": "API Usage",
                "period": 300
              }
            },
            {
              "type": "metric",
              "x": 12,
              "y": 6,
              "width": 12,
              "height": 6,
              "properties": {
                "metrics": [
                  [ "Kessan/Business", "UserRegistrations", "Method", "email" ],
                  [ "...", "google" ],
                  [ "...", "line" ]
                ],
                "view": "timeSeries",
                "stacked": true,
                "region": "ap-northeast-1",
                "title": "User Registrations",
                "period": 3600
              }
            }
          ]
        }
        """;

    public const string Performance = """
        {
          "widgets": [
            {
              "type": "metric",
              "x": 0,
              "y": 0,
              "width": 24,
              "height": 6,
              "properties": {
                "metrics": [
                  [ "Kessan/Business", "APIResponseTime", "Endpoint", "/stocks/search" ],
                  [ "...", "/stocks/{ticker}" ],
                  [ "...", "/analysis/{ticker}/generate" ]
                ],
                "view": "timeSeries",
                "stacked": false,
                "region": "ap-northeast-1",
                "title": "API Response Times",
                "period": 300,
                "stat": "Average"
              }
            },
            {
              "type": "metric",
              "x": 0,
              "y": 6,
              "width": 12,
              "height": 6,
              "properties": {
                "metrics": [
                  [ "AWS/ElastiCache", "CacheHitRate", "CacheClusterId", "kessan-redis-production" ],
                  [ ".", "CacheMisses", ".", "." ],
                  [ ".", "CacheHits", ".", "." ]
                ],
                "view": "timeSeries",
                "stacked": false,
                "region": "ap-northeast-1",
                "title": "Redis Cache Performance",
                "period": 300
              }
            },
            {
              "type": "metric",
              "x": 12,
              "y": 6,
              "width": 12,
              "height": 6,
              "properties": {
                "metrics": [
                  [ "Kessan/Business", "AIAnalysisCost", "AnalysisType", "comprehensive" ],
                  [ "...", "short_term" ],
                  [ "...", "mid_term" ],
                  [ "...", "long_term" ]
                ],
                "view": "timeSeries",
                "stacked": true,
                "region": "ap-northeast-1",
                "title": "AI Analysis Costs",
                "period": 3600
              }
            }
          ]
        }
        """;
}
