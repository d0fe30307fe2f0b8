// CloudWatch's errors as the official SDK surfaces them: the class it raises (error.name), the HTTP status, the
// message, and the query-compatible Code/Type it reads from x-amzn-query-error.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  CloudWatchServiceException, DashboardInvalidInputError, GetDashboardCommand, GetMetricDataCommand, InvalidNextToken,
  InvalidParameterCombinationException, InvalidParameterValueException, ListDashboardsCommand,
  MissingRequiredParameterException, PutDashboardCommand, PutMetricDataCommand, ResourceNotFound,
} from "@aws-sdk/client-cloudwatch";
import { TEST_KEYS, useLocalCloud } from "./support/local-cloud.mjs";

const local = useLocalCloud();

/** The error a call fails with; fails the test when the call succeeds. */
async function failureOf(command, client = local.cloudWatch) {
  try {
    await client.send(command);
  } catch (error) {
    return error;
  }
  assert.fail(`${command.constructor.name} succeeded; an error was expected`);
}

function assertServiceError(error, { type, name, status, code, message }) {
  assert.ok(error instanceof type, `expected ${type.name}, got ${error.name}: ${error.message}`);
  assert.ok(error instanceof CloudWatchServiceException);
  assert.equal(error.name, name);
  assert.equal(error.$metadata.httpStatusCode, status);
  assert.equal(typeof error.$metadata.requestId, "string");
  assert.equal(error.$fault, "client");
  assert.equal(error.Code, code);
  assert.equal(error.Type, "Sender");
  assert.match(error.message, message);
}

const minute = (n) => new Date(Math.floor(Date.now() / 60_000) * 60_000 + n * 60_000);

describe("typed errors", () => {
  // The model lists DashboardNotFoundError for GetDashboard, but it shares the query code ResourceNotFound with
  // the ResourceNotFound shape, and a query-compatible SDK resolves the code first: callers see ResourceNotFound.
  test("an unknown dashboard is ResourceNotFound, 404", async () => {
    const error = await failureOf(new GetDashboardCommand({ DashboardName: "Conformance-Missing" }));
    assertServiceError(error, {
      type: ResourceNotFound, name: "ResourceNotFound", status: 404, code: "ResourceNotFound",
      message: /^Dashboard Conformance-Missing does not exist$/,
    });
  });

  test("a bad parameter value is InvalidParameterValueException, 400, naming the parameter", async () => {
    const error = await failureOf(new GetMetricDataCommand({
      StartTime: minute(0), EndTime: minute(-5),
      MetricDataQueries: [{ Id: "a", MetricStat: { Metric: { Namespace: "Conformance/Errors", MetricName: "M" }, Period: 60, Stat: "Sum" } }],
    }));
    assertServiceError(error, {
      type: InvalidParameterValueException, name: "InvalidParameterValueException", status: 400, code: "InvalidParameterValue",
      message: /StartTime must be less than the parameter EndTime/,
    });
  });

  test("an unknown statistic is InvalidParameterValueException naming the query's member", async () => {
    const error = await failureOf(new GetMetricDataCommand({
      StartTime: minute(-10), EndTime: minute(0),
      MetricDataQueries: [{ Id: "a", MetricStat: { Metric: { Namespace: "Conformance/Errors", MetricName: "M" }, Period: 60, Stat: "Median" } }],
    }));
    assertServiceError(error, {
      type: InvalidParameterValueException, name: "InvalidParameterValueException", status: 400, code: "InvalidParameterValue",
      message: /MetricDataQueries\.member\.1\.MetricStat\.Stat/,
    });
  });

  test("a datum without a metric name is MissingRequiredParameterException naming the member", async () => {
    const error = await failureOf(new PutMetricDataCommand({
      Namespace: "Conformance/Errors",
      MetricData: [{ MetricName: "Fine", Value: 1 }, { Value: 2 }],
    }));
    assertServiceError(error, {
      type: MissingRequiredParameterException, name: "MissingRequiredParameterException", status: 400, code: "MissingParameter",
      message: /^The parameter MetricData\.member\.2\.MetricName is required\.$/,
    });
  });

  test("Value together with StatisticValues is InvalidParameterCombinationException", async () => {
    const error = await failureOf(new PutMetricDataCommand({
      Namespace: "Conformance/Errors",
      MetricData: [{ MetricName: "Both", Value: 1, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } }],
    }));
    assertServiceError(error, {
      type: InvalidParameterCombinationException, name: "InvalidParameterCombinationException", status: 400, code: "InvalidParameterCombination",
      message: /MetricData\.member\.1\.Value and MetricData\.member\.1\.StatisticValues are mutually exclusive/,
    });
  });

  test("an invalid dashboard body is DashboardInvalidInputError with its dashboardValidationMessages", async () => {
    const error = await failureOf(new PutDashboardCommand({ DashboardName: "Conformance-Invalid", DashboardBody: "{\"widgets\": 3}" }));
    assertServiceError(error, {
      type: DashboardInvalidInputError, name: "DashboardInvalidInputError", status: 400, code: "InvalidParameterInput",
      message: /widgets/,
    });
    assert.deepEqual(error.dashboardValidationMessages, [
      { DataPath: "/widgets", Message: "The dashboard body must have a \"widgets\" array." },
    ]);
  });

  test("a NextToken ListDashboards did not issue is InvalidNextToken", async () => {
    const error = await failureOf(new ListDashboardsCommand({ NextToken: "not-a-token" }));
    assertServiceError(error, { type: InvalidNextToken, name: "InvalidNextToken", status: 400, code: "InvalidNextToken", message: /NextToken/ });
  });

  test("a GetMetricData NextToken for other queries is InvalidNextToken", async () => {
    const error = await failureOf(new GetMetricDataCommand({
      StartTime: minute(-10), EndTime: minute(0), NextToken: "bm90LWEtY3Vyc29y",
      MetricDataQueries: [{ Id: "a", MetricStat: { Metric: { Namespace: "Conformance/Errors", MetricName: "M" }, Period: 60, Stat: "Sum" } }],
    }));
    assertServiceError(error, { type: InvalidNextToken, name: "InvalidNextToken", status: 400, code: "InvalidNextToken", message: /NextToken/ });
  });
});

describe("signature verification", () => {
  test("a request signed with the wrong secret is SignatureDoesNotMatch, 403", async () => {
    const client = local.cloud.client({ credentials: { accessKeyId: TEST_KEYS.accessKeyId, secretAccessKey: "not-the-secret" } });
    try {
      const error = await failureOf(new ListDashboardsCommand({}), client);
      assertServiceError(error, {
        type: CloudWatchServiceException, name: "SignatureDoesNotMatch", status: 403, code: "SignatureDoesNotMatch",
        message: /signature we calculated does not match/,
      });
    } finally {
      client.destroy();
    }
  });

  test("a request signed with an unknown access key is InvalidClientTokenId, 403", async () => {
    const client = local.cloud.client({ credentials: { accessKeyId: "AKIDUNKNOWN", secretAccessKey: TEST_KEYS.secretAccessKey } });
    try {
      const error = await failureOf(new ListDashboardsCommand({}), client);
      assertServiceError(error, {
        type: CloudWatchServiceException, name: "InvalidClientTokenId", status: 403, code: "InvalidClientTokenId",
        message: /security token included in the request is invalid/,
      });
    } finally {
      client.destroy();
    }
  });
});
