// The metric-alarm operations through the official SDK against LocalCloud, signatures verified: what the SDK sends
// is accepted, every response field parses (Dates, numbers, arrays), paginators work and errors are typed.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  PutMetricAlarmCommand,
  ResourceNotFound,
  SetAlarmStateCommand,
  paginateDescribeAlarmHistory,
  paginateDescribeAlarms,
} from "@aws-sdk/client-cloudwatch";
import { useLocalCloud } from "./support/local-cloud.mjs";

const local = useLocalCloud();
const send = (command) => local.cloudWatch.send(command);
const alarm = (name, overrides = {}) => ({
  AlarmName: name,
  AlarmDescription: "API response time is too high",
  MetricName: "APIResponseTime",
  Namespace: "Kessan/Business",
  Statistic: "Average",
  Dimensions: [{ Name: "Endpoint", Value: "/stocks/search" }],
  Period: 300,
  EvaluationPeriods: 2,
  Threshold: 1000,
  ComparisonOperator: "GreaterThanThreshold",
  AlarmActions: ["arn:aws:sns:ap-northeast-1:000000000000:conformance-alerts"],
  ...overrides,
});

describe("metric alarms", () => {
  test("PutMetricAlarm creates an alarm that DescribeAlarms returns with every member parsed", async () => {
    const before = Date.now();
    await send(new PutMetricAlarmCommand(alarm("Conformance-Describe", { DatapointsToAlarm: 2, TreatMissingData: "notBreaching" })));

    const response = await send(new DescribeAlarmsCommand({ AlarmNames: ["Conformance-Describe"] }));
    assert.equal(response.MetricAlarms.length, 1);
    const [found] = response.MetricAlarms;
    assert.equal(found.AlarmName, "Conformance-Describe");
    assert.equal(found.AlarmArn, "arn:aws:cloudwatch:ap-northeast-1:000000000000:alarm:Conformance-Describe");
    assert.equal(found.StateValue, "INSUFFICIENT_DATA");
    assert.equal(typeof found.StateReason, "string");
    assert.ok(found.StateUpdatedTimestamp instanceof Date);
    assert.ok(found.AlarmConfigurationUpdatedTimestamp instanceof Date);
    assert.ok(found.AlarmConfigurationUpdatedTimestamp.getTime() >= before - 1000);
    assert.deepEqual(found.Dimensions, [{ Name: "Endpoint", Value: "/stocks/search" }]);
    assert.deepEqual(found.AlarmActions, ["arn:aws:sns:ap-northeast-1:000000000000:conformance-alerts"]);
    assert.deepEqual(
      [found.Period, found.EvaluationPeriods, found.DatapointsToAlarm, found.Threshold, found.ComparisonOperator, found.TreatMissingData, found.Statistic],
      [300, 2, 2, 1000, "GreaterThanThreshold", "notBreaching", "Average"]);
  });

  test("DescribeAlarms filters by prefix and state, and the paginator walks every page", async () => {
    const names = Array.from({ length: 7 }, (_, i) => `Conformance-Page-${i}`);
    for (const name of names) {
      await send(new PutMetricAlarmCommand(alarm(name)));
    }

    const pages = [];
    for await (const page of paginateDescribeAlarms({ client: local.cloudWatch, pageSize: 3 }, { AlarmNamePrefix: "Conformance-Page-" })) {
      pages.push(page.MetricAlarms.map((a) => a.AlarmName));
    }
    assert.deepEqual(pages.map((p) => p.length), [3, 3, 1]);
    assert.deepEqual(pages.flat(), names);

    const inAlarm = await send(new DescribeAlarmsCommand({ AlarmNamePrefix: "Conformance-Page-", StateValue: "ALARM" }));
    assert.deepEqual(inAlarm.MetricAlarms, []);
  });

  test("SetAlarmState changes the state and leaves a StateUpdate history item with CloudWatch's HistoryData", async () => {
    await send(new PutMetricAlarmCommand(alarm("Conformance-State")));

    await send(new SetAlarmStateCommand({ AlarmName: "Conformance-State", StateValue: "ALARM", StateReason: "Testing the notification path" }));

    const described = await send(new DescribeAlarmsCommand({ AlarmNames: ["Conformance-State"] }));
    assert.equal(described.MetricAlarms[0].StateValue, "ALARM");
    assert.equal(described.MetricAlarms[0].StateReason, "Testing the notification path");
    const history = await send(new DescribeAlarmHistoryCommand({ AlarmName: "Conformance-State", HistoryItemType: "StateUpdate" }));
    const [item] = history.AlarmHistoryItems;
    assert.equal(item.AlarmName, "Conformance-State");
    assert.equal(item.AlarmType, "MetricAlarm");
    assert.equal(item.HistoryItemType, "StateUpdate");
    assert.ok(item.Timestamp instanceof Date);
    assert.match(item.HistorySummary, /Alarm updated from INSUFFICIENT_DATA to ALARM/);
    const data = JSON.parse(item.HistoryData);
    assert.equal(data.version, "1.0");
    assert.equal(data.oldState.stateValue, "INSUFFICIENT_DATA");
    assert.equal(data.newState.stateValue, "ALARM");
    assert.equal(data.newState.stateReason, "Testing the notification path");
  });

  test("DescribeAlarmHistory filters by item type and time and pages oldest first on request", async () => {
    await send(new PutMetricAlarmCommand(alarm("Conformance-History")));
    for (const state of ["ALARM", "OK", "ALARM"]) {
      await send(new SetAlarmStateCommand({ AlarmName: "Conformance-History", StateValue: state, StateReason: `to ${state}` }));
    }

    const configuration = await send(new DescribeAlarmHistoryCommand({ AlarmName: "Conformance-History", HistoryItemType: "ConfigurationUpdate" }));
    assert.equal(configuration.AlarmHistoryItems.length, 1);
    const pages = [];
    for await (const page of paginateDescribeAlarmHistory(
      { client: local.cloudWatch, pageSize: 2 },
      { AlarmName: "Conformance-History", HistoryItemType: "StateUpdate", ScanBy: "TimestampAscending", StartDate: new Date(Date.now() - 3_600_000), EndDate: new Date(Date.now() + 60_000) })) {
      pages.push(...page.AlarmHistoryItems.map((i) => JSON.parse(i.HistoryData).newState.stateValue));
    }
    assert.deepEqual(pages, ["ALARM", "OK", "ALARM"]);
  });

  test("DeleteAlarms removes the alarms", async () => {
    await send(new PutMetricAlarmCommand(alarm("Conformance-Delete")));

    await send(new DeleteAlarmsCommand({ AlarmNames: ["Conformance-Delete"] }));

    const response = await send(new DescribeAlarmsCommand({ AlarmNames: ["Conformance-Delete"] }));
    assert.deepEqual(response.MetricAlarms, []);
  });

  test("SetAlarmState on an unknown alarm is the typed ResourceNotFound", async () => {
    await assert.rejects(
      () => send(new SetAlarmStateCommand({ AlarmName: "Conformance-Missing", StateValue: "OK", StateReason: "x" })),
      (error) => {
        assert.ok(error instanceof ResourceNotFound, `got ${error.name}`);
        assert.equal(error.$metadata.httpStatusCode, 404);
        return true;
      });
  });

  test("an invalid comparison operator is refused with the member named", async () => {
    await assert.rejects(
      () => send(new PutMetricAlarmCommand(alarm("Conformance-Invalid", { ComparisonOperator: "GreaterThanTheMoon" }))),
      (error) => {
        assert.equal(error.$metadata.httpStatusCode, 400);
        assert.match(error.message, /ComparisonOperator/);
        return true;
      });
  });
});
