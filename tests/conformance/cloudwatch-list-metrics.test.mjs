// ListMetrics through the official SDK against LocalCloud, signatures verified.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { ListMetricsCommand, PutMetricDataCommand, paginateListMetrics } from "@aws-sdk/client-cloudwatch";
import { useLocalCloud } from "./support/local-cloud.mjs";

const local = useLocalCloud();
const listMetrics = (input) => local.cloudWatch.send(new ListMetricsCommand(input));
const put = (Namespace, MetricData) => local.cloudWatch.send(new PutMetricDataCommand({ Namespace, MetricData }));
const identity = ({ Namespace, MetricName, Dimensions }) =>
  `${Namespace} ${MetricName} ${Dimensions.map((d) => `${d.Name}=${d.Value}`).sort().join(",")}`;

describe("ListMetrics", () => {
  const ns = "Conformance/ListMetrics";
  before(() => put(ns, [
    { MetricName: "Registrations", Value: 1, Dimensions: [{ Name: "Method", Value: "google" }, { Name: "Environment", Value: "prod" }] },
    { MetricName: "Registrations", Value: 1, Dimensions: [{ Name: "Method", Value: "email" }, { Name: "Environment", Value: "prod" }] },
    { MetricName: "Registrations", Value: 1, Dimensions: [{ Name: "Method", Value: "email" }, { Name: "Environment", Value: "staging" }] },
    { MetricName: "ApiCalls", Value: 1 },
  ]));

  test("lists the metrics of a namespace with their names and dimensions", async () => {
    const response = await listMetrics({ Namespace: ns });

    assert.equal(response.NextToken, undefined);
    assert.equal(response.$metadata.httpStatusCode, 200);
    assert.deepEqual(response.Metrics.map(identity).sort(), [
      `${ns} ApiCalls `,
      `${ns} Registrations Environment=prod,Method=email`,
      `${ns} Registrations Environment=prod,Method=google`,
      `${ns} Registrations Environment=staging,Method=email`,
    ]);
    for (const metric of response.Metrics) {
      assert.ok(Array.isArray(metric.Dimensions));
    }
  });

  test("filters by metric name", async () => {
    const { Metrics } = await listMetrics({ Namespace: ns, MetricName: "ApiCalls" });
    assert.deepEqual(Metrics, [{ Namespace: ns, MetricName: "ApiCalls", Dimensions: [] }]);
  });

  test("a dimension filter with only a name matches any value, with a value only that value", async () => {
    const { Metrics } = await listMetrics({
      Namespace: ns,
      Dimensions: [{ Name: "Method" }, { Name: "Environment", Value: "prod" }],
    });
    assert.deepEqual(Metrics.map(identity).sort(), [
      `${ns} Registrations Environment=prod,Method=email`,
      `${ns} Registrations Environment=prod,Method=google`,
    ]);
  });

  test("RecentlyActive PT3H lists a metric published just now", async () => {
    const { Metrics } = await listMetrics({ Namespace: ns, MetricName: "ApiCalls", RecentlyActive: "PT3H" });
    assert.equal(Metrics.length, 1);
  });

  test("the SDK's paginator walks every page of a long listing", async () => {
    const many = "Conformance/ListMetricsPages";
    const datum = (i) => ({ MetricName: "Shard", Value: i, Dimensions: [{ Name: "Id", Value: String(i).padStart(4, "0") }] });
    await put(many, Array.from({ length: 1000 }, (_, i) => datum(i)));
    await put(many, Array.from({ length: 200 }, (_, i) => datum(1000 + i)));

    const sizes = [];
    const ids = new Set();
    for await (const page of paginateListMetrics({ client: local.cloudWatch }, { Namespace: many })) {
      sizes.push(page.Metrics.length);
      for (const metric of page.Metrics) ids.add(metric.Dimensions[0].Value);
    }
    assert.deepEqual(sizes, [500, 500, 200]);
    assert.equal(ids.size, 1200);
  });
});
