// Every CloudWatch Logs operation LocalCloud implements, through the official SDK (@aws-sdk/client-cloudwatch-logs),
// signatures verified: log groups and streams, PutLogEvents' rules, FilterLogEvents, and Logs Insights queries.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  CloudWatchLogsServiceException, CreateLogGroupCommand, CreateLogStreamCommand, DescribeLogGroupsCommand,
  DescribeQueriesCommand, FilterLogEventsCommand, GetLogRecordCommand, GetQueryResultsCommand, InvalidParameterException,
  MalformedQueryException, PutLogEventsCommand, ResourceAlreadyExistsException,
  ResourceNotFoundException, StartQueryCommand, StopQueryCommand, paginateDescribeLogGroups, paginateFilterLogEvents,
} from "@aws-sdk/client-cloudwatch-logs";
import { useLocalCloud } from "./support/local-cloud.mjs";

const local = useLocalCloud();
const send = (command) => local.logs.send(command);
const GROUP = "/kessan/conformance/api";
const STREAM = "kessan-api/kessan-api/0f5b7c1e9a2d4c3b8e6f1a2b3c4d5e6f";
const start = Math.floor(Date.now() / 60_000) * 60_000 - 30 * 60_000;
const at = (minutes) => start + minutes * 60_000;
const seconds = (milliseconds) => Math.floor(milliseconds / 1000);

const lines = [
  { event: "api_request", method: "GET", path: "/stocks/search", status_code: 200, response_time_ms: 1200, level: "info" },
  { event: "api_request", method: "GET", path: "/stocks/7203", status_code: 404, response_time_ms: 40, level: "info" },
  { event: "application_error", error_type: "DatabaseError", error_message: "pool exhausted", context: { path: "/stocks/search" }, level: "error" },
  { event: "api_request", method: "GET", path: "/stocks/search", status_code: 500, response_time_ms: 1800, level: "info" },
  { event: "external_api_call", provider: "openai", cost_usd: 0.045, level: "info" },
];

/** The error a call fails with; fails the test when the call succeeds. */
async function failureOf(command) {
  try {
    await send(command);
  } catch (error) {
    return error;
  }
  assert.fail(`${command.constructor.name} succeeded; an error was expected`);
}

function assertServiceError(error, type, message) {
  assert.ok(error instanceof type, `expected ${type.name}, got ${error.name}: ${error.message}`);
  assert.ok(error instanceof CloudWatchLogsServiceException);
  assert.equal(error.name, type.name);
  assert.equal(error.$metadata.httpStatusCode, 400);
  assert.equal(error.$fault, "client");
  assert.match(error.message, message);
}

async function finished(queryId) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const results = await send(new GetQueryResultsCommand({ queryId }));
    if (!["Scheduled", "Running"].includes(results.status)) return results;
    await new Promise((done) => setTimeout(done, 50));
  }
  assert.fail(`query ${queryId} did not finish within 20 s`);
}

const asRow = (fields) => Object.fromEntries(fields.map(({ field, value }) => [field, value]));

async function query(queryString, extra = {}) {
  const { queryId } = await send(new StartQueryCommand({
    logGroupNames: [GROUP], startTime: seconds(at(-1)), endTime: seconds(at(60)), queryString, ...extra,
  }));
  assert.equal(typeof queryId, "string");
  return finished(queryId);
}

describe("log groups and streams", () => {
  test("CreateLogGroup, CreateLogStream and PutLogEvents store events the service accepts whole", async () => {
    await send(new CreateLogGroupCommand({ logGroupName: GROUP, tags: { service: "kessan-api" } }));
    await send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: STREAM }));
    const response = await send(new PutLogEventsCommand({
      logGroupName: GROUP, logStreamName: STREAM,
      logEvents: lines.map((line, i) => ({ timestamp: at(i), message: JSON.stringify(line) })),
    }));
    assert.equal(response.$metadata.httpStatusCode, 200);
    assert.equal(response.rejectedLogEventsInfo, undefined);
  });

  test("a log group created twice is ResourceAlreadyExistsException", async () => {
    assertServiceError(await failureOf(new CreateLogGroupCommand({ logGroupName: GROUP })), ResourceAlreadyExistsException, /already exists/);
  });

  test("a stream in a group that does not exist is ResourceNotFoundException", async () => {
    assertServiceError(await failureOf(new CreateLogStreamCommand({ logGroupName: "/kessan/nowhere", logStreamName: "s" })),
      ResourceNotFoundException, /^The specified log group does not exist\.$/);
  });

  test("events too far ahead are reported in rejectedLogEventsInfo", async () => {
    const response = await send(new PutLogEventsCommand({
      logGroupName: GROUP, logStreamName: STREAM,
      logEvents: [{ timestamp: Date.now(), message: "now" }, { timestamp: Date.now() + 3 * 3_600_000, message: "later" }],
    }));
    assert.deepEqual(response.rejectedLogEventsInfo, { tooNewLogEventStartIndex: 1 });
  });

  test("events out of chronological order are InvalidParameterException", async () => {
    const error = await failureOf(new PutLogEventsCommand({
      logGroupName: GROUP, logStreamName: STREAM,
      logEvents: [{ timestamp: at(2), message: "b" }, { timestamp: at(1), message: "a" }],
    }));
    assertServiceError(error, InvalidParameterException, /chronological order/);
  });

  test("DescribeLogGroups describes the group with Dates and its ARN", async () => {
    const response = await send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/kessan/conformance/" }));
    assert.equal(response.logGroups.length, 1);
    const [group] = response.logGroups;
    assert.equal(group.logGroupName, GROUP);
    assert.equal(group.arn, `arn:aws:logs:ap-northeast-1:000000000000:log-group:${GROUP}:*`);
    assert.equal(group.logGroupArn, `arn:aws:logs:ap-northeast-1:000000000000:log-group:${GROUP}`);
    assert.equal(typeof group.creationTime, "number");
    assert.ok(group.storedBytes > 0);
  });

  test("the SDK's paginator walks DescribeLogGroups pages", async () => {
    for (const name of ["/kessan/paged/a", "/kessan/paged/b", "/kessan/paged/c"]) {
      await send(new CreateLogGroupCommand({ logGroupName: name }));
    }
    const names = [];
    for await (const page of paginateDescribeLogGroups({ client: local.logs, pageSize: 2 }, { logGroupNamePrefix: "/kessan/paged/" })) {
      names.push(...page.logGroups.map((group) => group.logGroupName));
    }
    assert.deepEqual(names, ["/kessan/paged/a", "/kessan/paged/b", "/kessan/paged/c"]);
  });
});

describe("FilterLogEvents", () => {
  test("a JSON pattern selects the matching events in timestamp order", async () => {
    const response = await send(new FilterLogEventsCommand({
      logGroupName: GROUP, startTime: at(0), endTime: at(10), filterPattern: "{ $.status_code >= 400 || $.level = \"error\" }",
    }));
    assert.deepEqual(response.events.map((e) => JSON.parse(e.message).event), ["api_request", "application_error", "api_request"]);
    assert.deepEqual(response.events.map((e) => e.timestamp), [at(1), at(2), at(3)]);
    assert.ok(response.events.every((e) => e.logStreamName === STREAM && typeof e.eventId === "string" && typeof e.ingestionTime === "number"));
  });

  test("terms select the events containing them", async () => {
    const response = await send(new FilterLogEventsCommand({ logGroupName: GROUP, startTime: at(0), endTime: at(10), filterPattern: "?DatabaseError ?openai" }));
    assert.deepEqual(response.events.map((e) => JSON.parse(e.message).event), ["application_error", "external_api_call"]);
  });

  test("the SDK's paginator follows nextToken through every event", async () => {
    const messages = [];
    for await (const page of paginateFilterLogEvents({ client: local.logs, pageSize: 2 }, { logGroupName: GROUP, startTime: at(0), endTime: at(10) })) {
      messages.push(...page.events.map((e) => e.message));
    }
    assert.deepEqual(messages, lines.map((line) => JSON.stringify(line)));
  });

  test("a malformed pattern is InvalidParameterException", async () => {
    assertServiceError(await failureOf(new FilterLogEventsCommand({ logGroupName: GROUP, filterPattern: "{ $.level = " })),
      InvalidParameterException, /^Invalid filter pattern/);
  });
});

describe("Logs Insights", () => {
  test("StartQuery and GetQueryResults give rows of field/value pairs with @ptr, and statistics", async () => {
    const results = await query("fields @timestamp, path, status_code | filter status_code >= 400 | sort @timestamp desc");
    assert.equal(results.status, "Complete");
    const rows = results.results.map(asRow);
    assert.deepEqual(rows.map((row) => row.status_code), ["500", "404"]);
    assert.ok(rows.every((row) => typeof row["@ptr"] === "string" && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/.test(row["@timestamp"])));
    assert.equal(results.statistics.recordsMatched, 2);
    assert.ok(results.statistics.recordsScanned >= 5);
    assert.ok(results.statistics.bytesScanned > 0);
  });

  test("stats rows carry the groups and the named aggregates", async () => {
    const results = await query("filter @message like /api_request/ | stats avg(response_time_ms) as avg_ms, count() as n by path | sort avg_ms desc");
    assert.deepEqual(results.results.map(asRow), [
      { path: "/stocks/search", avg_ms: "1500", n: "2" },
      { path: "/stocks/7203", avg_ms: "40", n: "1" },
    ]);
  });

  test("GetLogRecord gives back every field of a row's event", async () => {
    const results = await query("filter event = \"application_error\" | fields @message");
    const { logRecord } = await send(new GetLogRecordCommand({ logRecordPointer: asRow(results.results[0])["@ptr"] }));
    assert.equal(logRecord.error_type, "DatabaseError");
    assert.equal(logRecord["context.path"], "/stocks/search");
    assert.equal(logRecord["@logStream"], STREAM);
    assert.equal(logRecord["@timestamp"], String(at(2)));
  });

  test("StopQuery of a finished query reports no success, and DescribeQueries lists the query", async () => {
    const { queryId } = await send(new StartQueryCommand({ logGroupName: GROUP, startTime: seconds(at(-1)), endTime: seconds(at(60)), queryString: "stats count(*)" }));
    await finished(queryId);
    const stopped = await send(new StopQueryCommand({ queryId }));
    assert.equal(stopped.success, false);
    const { queries } = await send(new DescribeQueriesCommand({ logGroupName: GROUP, status: "Complete" }));
    const described = queries.find((q) => q.queryId === queryId);
    assert.equal(described.queryString, "stats count(*)");
    assert.equal(described.logGroupName, GROUP);
    assert.equal(typeof described.createTime, "number");
  });

  test("a malformed query is MalformedQueryException with its line, column and offsets", async () => {
    const error = await failureOf(new StartQueryCommand({
      logGroupName: GROUP, startTime: seconds(at(0)), endTime: seconds(at(10)), queryString: "fields @timestamp\n| sortt @timestamp",
    }));
    assertServiceError(error, MalformedQueryException, /line 2, column 3/);
    assert.deepEqual(error.queryCompileError.location, { startCharOffset: 20, endCharOffset: 24 });
  });

  test("an empty query is MalformedQueryException", async () => {
    assertServiceError(await failureOf(new StartQueryCommand({ logGroupName: GROUP, startTime: seconds(at(0)), endTime: seconds(at(10)), queryString: "" })),
      MalformedQueryException, /the query is empty/);
  });

  test("a log group that does not exist is ResourceNotFoundException", async () => {
    assertServiceError(await failureOf(new StartQueryCommand({ logGroupName: "/kessan/nowhere", startTime: seconds(at(0)), endTime: seconds(at(10)), queryString: "fields @message" })),
      ResourceNotFoundException, /does not exist/);
  });

  test("a start after the end is InvalidParameterException", async () => {
    assertServiceError(await failureOf(new StartQueryCommand({ logGroupName: GROUP, startTime: seconds(at(10)), endTime: seconds(at(0)), queryString: "fields @message" })),
      InvalidParameterException, /must not be before startTime/);
  });

  test("GetQueryResults of an unknown query is ResourceNotFoundException", async () => {
    assertServiceError(await failureOf(new GetQueryResultsCommand({ queryId: "no-such-query" })), ResourceNotFoundException, /does not exist/);
  });
});
