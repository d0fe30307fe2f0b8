// The inputs whose requests the golden files hold: the requests the console makes, and at least one for every
// CloudWatch operation the C# client implements. Inputs are plain JSON: timestamps are ISO 8601 strings.
export const goldenCases = [
  {
    name: "get-metric-data-two-metric-stats",
    description: "The console's refresh: two MetricStat queries over an absolute window, oldest first.",
    operation: "GetMetricData",
    input: {
      MetricDataQueries: [
        {
          Id: "q0",
          ReturnData: true,
          MetricStat: {
            Metric: {
              Namespace: "AWS/ApplicationELB",
              MetricName: "TargetResponseTime",
              Dimensions: [{ Name: "LoadBalancer", Value: "app/kessan-prod-alb/50dc6c495c0c9188" }],
            },
            Period: 60,
            Stat: "Average",
          },
        },
        {
          Id: "q1",
          ReturnData: true,
          MetricStat: {
            Metric: {
              Namespace: "AWS/ECS",
              MetricName: "CPUUtilization",
              Dimensions: [
                { Name: "ClusterName", Value: "kessan-prod" },
                { Name: "ServiceName", Value: "kessan-api" },
              ],
            },
            Period: 300,
            Stat: "p99",
          },
        },
      ],
      StartTime: "2026-11-20T05:00:00Z",
      EndTime: "2026-11-20T07:30:00Z",
      ScanBy: "TimestampAscending",
    },
  },
  {
    name: "get-metric-data-every-member",
    description: "Every GetMetricData member the C# model has: expression, label, hidden query, unit, account, page options.",
    operation: "GetMetricData",
    input: {
      MetricDataQueries: [
        {
          Id: "requests",
          MetricStat: {
            Metric: { Namespace: "Kessan/API", MetricName: "RequestCount", Dimensions: [{ Name: "Endpoint", Value: "/api/v1/analysis" }] },
            Period: 3600,
            Stat: "Sum",
            Unit: "Count",
          },
          ReturnData: false,
          AccountId: "123456789012",
        },
        { Id: "per_minute", Expression: "requests / 60", Label: "Requests per minute", Period: 3600 },
      ],
      StartTime: "2026-11-19T15:00:00.500Z",
      EndTime: "2026-11-20T15:00:00Z",
      NextToken: "page-2-token",
      ScanBy: "TimestampDescending",
      MaxDatapoints: 1000,
      LabelOptions: { Timezone: "+0900" },
    },
  },
  {
    name: "list-dashboards-first-page",
    description: "The console's dashboard list and readiness check: no prefix, no token.",
    operation: "ListDashboards",
    input: {},
  },
  {
    name: "list-dashboards-prefix-next-token",
    description: "A later page of the dashboards whose names start with a prefix.",
    operation: "ListDashboards",
    input: { DashboardNamePrefix: "Kessan-prod-", NextToken: "opaque-token-from-page-1" },
  },
  {
    name: "get-dashboard",
    description: "The console opening one dashboard.",
    operation: "GetDashboard",
    input: { DashboardName: "Kessan-prod-Main" },
  },
  {
    name: "put-dashboard",
    description: "A dashboard body is a JSON document sent as a string.",
    operation: "PutDashboard",
    input: {
      DashboardName: "Kessan-prod-Main",
      DashboardBody: JSON.stringify({
        widgets: [
          {
            type: "metric", x: 0, y: 0, width: 12, height: 6,
            properties: {
              title: "API response time", region: "ap-northeast-1", stat: "p99", period: 300, view: "timeSeries",
              metrics: [["AWS/ApplicationELB", "TargetResponseTime", "LoadBalancer", "app/kessan-prod-alb/50dc6c495c0c9188"]],
            },
          },
          { type: "text", x: 12, y: 0, width: 12, height: 6, properties: { markdown: "# Kessan — \"prod\"\nåäö ✓" } },
        ],
      }),
    },
  },
  {
    name: "list-metrics-dimension-filter",
    description: "Metrics of a namespace having one dimension with any value and one with a given value.",
    operation: "ListMetrics",
    input: {
      Namespace: "Kessan/Business",
      MetricName: "UserRegistrations",
      Dimensions: [{ Name: "Method" }, { Name: "Environment", Value: "prod" }],
      RecentlyActive: "PT3H",
      NextToken: "opaque-token",
    },
  },
  {
    name: "put-metric-data-statistic-values",
    description: "A pre-aggregated datum with dimensions, unit, a fractional-second timestamp and high resolution.",
    operation: "PutMetricData",
    input: {
      Namespace: "Kessan/API",
      MetricData: [
        {
          MetricName: "ResponseTime",
          Dimensions: [{ Name: "Endpoint", Value: "/api/v1/stocks" }, { Name: "Method", Value: "GET" }],
          Timestamp: "2026-11-20T05:00:30.250Z",
          StatisticValues: { SampleCount: 42, Sum: 10.5, Minimum: 0.012, Maximum: 1.75 },
          Unit: "Seconds",
          StorageResolution: 1,
        },
      ],
    },
  },
  {
    name: "put-metric-data-values-counts",
    description: "A value distribution (Values with Counts) and a single value without a timestamp.",
    operation: "PutMetricData",
    input: {
      Namespace: "Kessan/Business",
      MetricData: [
        {
          MetricName: "AnalysisCost",
          Dimensions: [{ Name: "AnalysisType", Value: "fundamental" }],
          Timestamp: "2026-11-20T05:01:00Z",
          Values: [0.002, 0.0035, 1, 250],
          Counts: [10, 3, 1, 1],
          Unit: "None",
        },
        { MetricName: "UserRegistrations", Value: 1, Unit: "Count" },
      ],
    },
  },
  {
    name: "put-metric-data-gzip-batch",
    description: "A batch of more than 10 KiB of JSON: PutMetricData has requestCompression, so the SDK sends it gzip-compressed.",
    operation: "PutMetricData",
    input: {
      Namespace: "Kessan/API",
      MetricData: ["/api/v1/stocks", "/api/v1/analysis", "/api/v1/portfolio", "/api/v1/users", "/api/v1/auth", "/api/v1/search", "/api/v1/alerts", "/api/v1/news"]
        .map((endpoint, i) => ({
          MetricName: "ResponseTime",
          Dimensions: [{ Name: "Endpoint", Value: endpoint }],
          Timestamp: `2026-11-20T05:0${i}:00Z`,
          Values: Array.from({ length: 150 }, (_, k) => Math.round((0.0125 + k * 0.0173 + i * 0.1) * 10_000) / 10_000),
          Counts: Array.from({ length: 150 }, (_, k) => 1 + ((k * 7 + i) % 13)),
          Unit: "Seconds",
        })),
    },
  },
  {
    name: "put-metric-alarm-seed-response-time",
    description: "The seed's API response-time alarm, as LocalCloud installs it and as an operator would create it.",
    operation: "PutMetricAlarm",
    input: {
      AlarmName: "Kessan-production-API-HighResponseTime",
      AlarmDescription: "API response time is too high",
      ActionsEnabled: true,
      AlarmActions: ["arn:aws:sns:ap-northeast-1:123456789012:kessan-production-alerts"],
      OKActions: ["arn:aws:sns:ap-northeast-1:123456789012:kessan-production-alerts"],
      MetricName: "APIResponseTime",
      Namespace: "Kessan/Business",
      Statistic: "Average",
      Dimensions: [{ Name: "Endpoint", Value: "/stocks/search" }],
      Period: 300,
      EvaluationPeriods: 2,
      DatapointsToAlarm: 2,
      Threshold: 1000,
      ComparisonOperator: "GreaterThanThreshold",
      TreatMissingData: "missing",
      Tags: [{ Key: "service", Value: "kessan-api" }],
    },
  },
  {
    name: "put-metric-alarm-extended-statistic",
    description: "A percentile alarm with M-of-N evaluation and breaching missing data.",
    operation: "PutMetricAlarm",
    input: {
      AlarmName: "Kessan-production-API-p99",
      MetricName: "APIResponseTime",
      Namespace: "Kessan/Business",
      ExtendedStatistic: "p99",
      Period: 60,
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      Threshold: 2500.5,
      ComparisonOperator: "GreaterThanOrEqualToThreshold",
      TreatMissingData: "breaching",
      EvaluateLowSampleCountPercentile: "ignore",
      Unit: "Milliseconds",
    },
  },
  {
    name: "describe-alarms-watcher-page",
    description: "The console's alarm watcher: metric alarms of the environment, a later page.",
    operation: "DescribeAlarms",
    input: { AlarmNamePrefix: "Kessan-production-", AlarmTypes: ["MetricAlarm"], MaxRecords: 100, NextToken: "page-2" },
  },
  {
    name: "describe-alarms-by-name-and-state",
    description: "Alarms by name in one state.",
    operation: "DescribeAlarms",
    input: { AlarmNames: ["Kessan-production-DB-HighConnections", "Kessan-production-ECS-HighCPU"], StateValue: "ALARM" },
  },
  {
    name: "describe-alarm-history-state-updates",
    description: "The watcher's history poll: state updates since a time, oldest first.",
    operation: "DescribeAlarmHistory",
    input: {
      AlarmName: "Kessan-production-API-HighErrorRate",
      AlarmTypes: ["MetricAlarm"],
      HistoryItemType: "StateUpdate",
      StartDate: "2026-11-20T05:00:00Z",
      EndDate: "2026-11-20T07:30:00.250Z",
      MaxRecords: 100,
      ScanBy: "TimestampAscending",
      NextToken: "history-page-2",
    },
  },
  {
    name: "set-alarm-state",
    description: "Forcing an alarm into ALARM to test the notification path.",
    operation: "SetAlarmState",
    input: {
      AlarmName: "Kessan-production-ECS-HighCPU",
      StateValue: "ALARM",
      StateReason: "Testing the notification path",
      StateReasonData: "{\"source\":\"kessan-console\"}",
    },
  },
  {
    name: "delete-alarms",
    description: "Deleting two alarms.",
    operation: "DeleteAlarms",
    input: { AlarmNames: ["Kessan-staging-API-HighResponseTime", "Kessan-staging-ECS-HighCPU"] },
  },
];
