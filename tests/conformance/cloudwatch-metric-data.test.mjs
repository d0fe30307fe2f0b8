// PutMetricData and GetMetricData through the official SDK against LocalCloud, signatures verified.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { GetMetricDataCommand, PutMetricDataCommand, paginateGetMetricData } from "@aws-sdk/client-cloudwatch";
import { useLocalCloud } from "./support/local-cloud.mjs";

const local = useLocalCloud();
const minuteMs = 60_000;

// An hour that starts on the hour, two hours ago: inside what CloudWatch accepts and LocalCloud keeps.
const hourStart = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
const minute = (n) => new Date(hourStart + n * minuteMs);
const window = { StartTime: minute(0), EndTime: minute(60) };

let namespaces = 0;
/** A namespace of its own for each test, so tests share a LocalCloud but not data. */
const freshNamespace = () => `Conformance/MetricData${++namespaces}`;

const put = (Namespace, MetricData) => local.cloudWatch.send(new PutMetricDataCommand({ Namespace, MetricData }));

const stat = (Namespace, MetricName, Stat, { Dimensions, Period = 60, Unit } = {}) =>
  ({ Metric: { Namespace, MetricName, Dimensions }, Period, Stat, Unit });

async function getMetricData(MetricDataQueries, options = {}) {
  return local.cloudWatch.send(new GetMetricDataCommand({ ...window, MetricDataQueries, ...options }));
}

/** The only result's values, after checking it is complete. */
async function valuesOf(metricStat, options) {
  const { MetricDataResults } = await getMetricData([{ Id: "only", MetricStat: metricStat }], options);
  assert.equal(MetricDataResults.length, 1);
  assert.equal(MetricDataResults[0].StatusCode, "Complete");
  return MetricDataResults[0].Values;
}

describe("PutMetricData", () => {
  test("answers with nothing but metadata", async () => {
    const response = await put(freshNamespace(), [{ MetricName: "Requests", Value: 1, Timestamp: minute(1) }]);
    assert.deepEqual(Object.keys(response), ["$metadata"]);
    assert.equal(response.$metadata.httpStatusCode, 200);
    assert.equal(typeof response.$metadata.requestId, "string");
  });

  test("a single Value is stored at its minute", async () => {
    const ns = freshNamespace();
    await put(ns, [{ MetricName: "Requests", Value: 7, Timestamp: minute(3), Unit: "Count" }]);

    const { MetricDataResults: [result] } = await getMetricData([{ Id: "requests", MetricStat: stat(ns, "Requests", "Sum") }]);
    assert.deepEqual(result.Timestamps, [minute(3)]);
    assert.deepEqual(result.Values, [7]);
  });

  test("StatisticValues give the count, sum, average and extremes they describe", async () => {
    const ns = freshNamespace();
    await put(ns, [{ MetricName: "Latency", StatisticValues: { SampleCount: 4, Sum: 10, Minimum: 1, Maximum: 4 }, Timestamp: minute(5) }]);

    const { MetricDataResults } = await getMetricData(["SampleCount", "Sum", "Average", "Minimum", "Maximum"].map((name) =>
      ({ Id: name.toLowerCase(), MetricStat: stat(ns, "Latency", name) })));
    assert.deepEqual(MetricDataResults.map((result) => [result.Id, result.Values]),
      [["samplecount", [4]], ["sum", [10]], ["average", [2.5]], ["minimum", [1]], ["maximum", [4]]]);
  });

  test("Values with Counts weigh each value by its count", async () => {
    const ns = freshNamespace();
    await put(ns, [{ MetricName: "Cost", Values: [1, 2, 3], Counts: [1, 1, 2], Timestamp: minute(2) }]);

    assert.deepEqual(await valuesOf(stat(ns, "Cost", "SampleCount")), [4]);
    assert.deepEqual(await valuesOf(stat(ns, "Cost", "Sum")), [9]);
    assert.deepEqual(await valuesOf(stat(ns, "Cost", "Maximum")), [3]);
  });

  test("dimensions identify the series in any order, and only the exact set matches", async () => {
    const ns = freshNamespace();
    await put(ns, [{
      MetricName: "Errors", Value: 2, Timestamp: minute(4),
      Dimensions: [{ Name: "Service", Value: "api" }, { Name: "Environment", Value: "prod" }],
    }]);

    const reversed = [{ Name: "Environment", Value: "prod" }, { Name: "Service", Value: "api" }];
    assert.deepEqual(await valuesOf(stat(ns, "Errors", "Sum", { Dimensions: reversed })), [2]);
    assert.deepEqual(await valuesOf(stat(ns, "Errors", "Sum", { Dimensions: [{ Name: "Service", Value: "api" }] })), []);
  });

  test("a query naming a unit sees only data published with that unit", async () => {
    const ns = freshNamespace();
    await put(ns, [{ MetricName: "ResponseTime", Value: 120, Unit: "Milliseconds", Timestamp: minute(6) }]);

    assert.deepEqual(await valuesOf(stat(ns, "ResponseTime", "Average", { Unit: "Milliseconds" })), [120]);
    assert.deepEqual(await valuesOf(stat(ns, "ResponseTime", "Average", { Unit: "Seconds" })), []);
  });

  test("a batch of 1,000 datums goes out gzip-compressed and arrives whole", async () => {
    const ns = freshNamespace();
    const encodings = [];
    const client = local.cloud.client();
    client.middlewareStack.add((next) => async (args) => {
      encodings.push(args.request.headers["content-encoding"]);
      return next(args);
    }, { step: "finalizeRequest", name: "recordContentEncoding" });
    const data = Array.from({ length: 1000 }, (_, i) => ({
      MetricName: "Batch", Value: i, Timestamp: minute(i % 60), Dimensions: [{ Name: "Shard", Value: "all" }], Unit: "Count",
    }));
    try {
      await client.send(new PutMetricDataCommand({ Namespace: ns, MetricData: data }));
    } finally {
      client.destroy();
    }

    assert.deepEqual(encodings, ["gzip"]);
    const counts = await valuesOf(stat(ns, "Batch", "SampleCount", { Dimensions: [{ Name: "Shard", Value: "all" }], Period: 3600 }));
    assert.deepEqual(counts, [1000]);
  });
});

describe("GetMetricData", () => {
  // Minutes 0..9 of the hour; minute m holds the values 1..10 plus m, so statistics differ per minute.
  const ns = freshNamespace();
  before(() => put(ns, Array.from({ length: 10 }, (_, m) => ({
    MetricName: "Latency", Timestamp: minute(m), Values: Array.from({ length: 10 }, (_, i) => i + 1 + m), Unit: "Milliseconds",
  }))));
  const latency = (Stat, options) => stat(ns, "Latency", Stat, options);

  test("answers several queries, each with its own statistic, percentiles included", async () => {
    const { MetricDataResults } = await getMetricData([
      { Id: "avg", MetricStat: latency("Average") },
      { Id: "p50", MetricStat: latency("p50") },
      { Id: "p90", MetricStat: latency("p90") },
      { Id: "max", MetricStat: latency("Maximum") },
    ], { ScanBy: "TimestampAscending" });

    assert.deepEqual(MetricDataResults.map((result) => result.Id), ["avg", "p50", "p90", "max"]);
    const firstValues = Object.fromEntries(MetricDataResults.map((result) => [result.Id, result.Values[0]]));
    assert.deepEqual(firstValues, { avg: 5.5, p50: 5, p90: 9, max: 10 });
    for (const result of MetricDataResults) {
      assert.equal(result.Values.length, 10);
      assert.equal(result.StatusCode, "Complete");
    }
  });

  test("parses every result member: Id, Label, Dates on the minute, numbers, StatusCode, and the Messages", async () => {
    const response = await getMetricData([{ Id: "sum", MetricStat: latency("Sum") }]);

    assert.deepEqual(response.Messages, []);
    assert.equal(response.NextToken, undefined);
    assert.equal(response.$metadata.httpStatusCode, 200);
    const [result] = response.MetricDataResults;
    assert.equal(result.Id, "sum");
    assert.equal(result.Label, "Latency");
    assert.equal(result.StatusCode, "Complete");
    assert.ok(result.Timestamps.every((timestamp) => timestamp instanceof Date && timestamp.getTime() % minuteMs === 0));
    assert.ok(result.Values.every((value) => typeof value === "number"));
    assert.deepEqual(result.Timestamps[0], minute(9));
    assert.equal(result.Values[0], 55 + 10 * 9);
  });

  test("aggregates minutes into the query's period, buckets aligned to the start time", async () => {
    const { MetricDataResults: [result] } = await getMetricData(
      [{ Id: "five", MetricStat: latency("SampleCount", { Period: 300 }) }], { ScanBy: "TimestampAscending" });

    assert.deepEqual(result.Timestamps, [minute(0), minute(5)]);
    assert.deepEqual(result.Values, [50, 50]);
  });

  test("scans newest first by default and with TimestampDescending, oldest first with TimestampAscending", async () => {
    const newestFirst = Array.from({ length: 10 }, (_, m) => minute(9 - m));
    const timestamps = async (options) => (await getMetricData([{ Id: "min", MetricStat: latency("Minimum") }], options)).MetricDataResults[0].Timestamps;

    assert.deepEqual(await timestamps({}), newestFirst);
    assert.deepEqual(await timestamps({ ScanBy: "TimestampDescending" }), newestFirst);
    assert.deepEqual(await timestamps({ ScanBy: "TimestampAscending" }), [...newestFirst].reverse());
  });

  test("labels a query by its metric name unless it has a Label", async () => {
    const { MetricDataResults } = await getMetricData([
      { Id: "plain", MetricStat: latency("Sum") },
      { Id: "named", MetricStat: latency("Sum"), Label: "API latency (ms)" },
    ]);
    assert.deepEqual(MetricDataResults.map((result) => result.Label), ["Latency", "API latency (ms)"]);
  });

  test("leaves out queries with ReturnData false", async () => {
    const { MetricDataResults } = await getMetricData([
      { Id: "hidden", MetricStat: latency("Sum"), ReturnData: false },
      { Id: "shown", MetricStat: latency("Sum"), ReturnData: true },
    ]);
    assert.deepEqual(MetricDataResults.map((result) => result.Id), ["shown"]);
  });

  test("stops at MaxDatapoints with PartialData and a NextToken that continues where it stopped", async () => {
    const queries = [{ Id: "sum", MetricStat: latency("Sum") }];
    const first = await getMetricData(queries, { MaxDatapoints: 4, ScanBy: "TimestampAscending" });
    assert.equal(first.MetricDataResults[0].StatusCode, "PartialData");
    assert.deepEqual(first.MetricDataResults[0].Timestamps, [0, 1, 2, 3].map(minute));
    assert.equal(typeof first.NextToken, "string");

    const second = await getMetricData(queries, { MaxDatapoints: 4, ScanBy: "TimestampAscending", NextToken: first.NextToken });
    assert.deepEqual(second.MetricDataResults[0].Timestamps, [4, 5, 6, 7].map(minute));
  });

  test("the SDK's paginator collects every page of a query", async () => {
    const pages = paginateGetMetricData({ client: local.cloudWatch }, {
      ...window, ScanBy: "TimestampAscending", MaxDatapoints: 3,
      MetricDataQueries: [{ Id: "a", MetricStat: latency("Minimum") }, { Id: "b", MetricStat: latency("Maximum") }],
    });
    const collected = { a: [], b: [] };
    let count = 0;
    for await (const page of pages) {
      count++;
      for (const result of page.MetricDataResults) collected[result.Id].push(...result.Values);
    }

    assert.equal(count, 7);
    assert.deepEqual(collected.a, Array.from({ length: 10 }, (_, m) => 1 + m));
    assert.deepEqual(collected.b, Array.from({ length: 10 }, (_, m) => 10 + m));
  });

  test("reports a query it cannot answer in its StatusCode and Messages, and still answers the others", async () => {
    const { MetricDataResults: [math, plain] } = await getMetricData([
      { Id: "doubled", Expression: "sum * 2" },
      { Id: "sum", MetricStat: latency("Sum") },
    ]);

    assert.equal(math.StatusCode, "InternalError");
    assert.deepEqual(math.Timestamps, []);
    assert.equal(math.Messages.length, 1);
    assert.equal(math.Messages[0].Code, "Unsupported");
    assert.match(math.Messages[0].Value, /metric math/);
    assert.equal(plain.StatusCode, "Complete");
    assert.equal(plain.Values.length, 10);
  });
});
