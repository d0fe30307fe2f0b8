// PutDashboard, GetDashboard and ListDashboards through the official SDK against LocalCloud, signatures verified.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { GetDashboardCommand, ListDashboardsCommand, PutDashboardCommand, paginateListDashboards } from "@aws-sdk/client-cloudwatch";
import { useLocalCloud } from "./support/local-cloud.mjs";

const local = useLocalCloud();
const send = (command) => local.cloudWatch.send(command);
const body = (title) => JSON.stringify({
  widgets: [{ type: "text", x: 0, y: 0, width: 24, height: 2, properties: { markdown: `# ${title} — ✓` } }],
});

describe("dashboards", () => {
  test("PutDashboard of a valid body answers without validation messages", async () => {
    const response = await send(new PutDashboardCommand({ DashboardName: "Conformance-Put", DashboardBody: body("Put") }));
    assert.equal(response.$metadata.httpStatusCode, 200);
    assert.deepEqual(response.DashboardValidationMessages ?? [], []);
  });

  test("GetDashboard returns the body as put, with the dashboard's name and ARN", async () => {
    const dashboardBody = body("Get");
    await send(new PutDashboardCommand({ DashboardName: "Conformance-Get", DashboardBody: dashboardBody }));

    const response = await send(new GetDashboardCommand({ DashboardName: "Conformance-Get" }));
    assert.equal(response.DashboardName, "Conformance-Get");
    assert.equal(response.DashboardBody, dashboardBody);
    assert.equal(response.DashboardArn, "arn:aws:cloudwatch::000000000000:dashboard/Conformance-Get");
  });

  test("ListDashboards lists the dashboards with a prefix, with ARN, size and a Date of last change", async () => {
    const before = Date.now();
    for (const name of ["Conformance-List-b", "Conformance-List-a", "Conformance-Other"]) {
      await send(new PutDashboardCommand({ DashboardName: name, DashboardBody: body(name) }));
    }
    const after = Date.now();

    const response = await send(new ListDashboardsCommand({ DashboardNamePrefix: "Conformance-List-" }));
    assert.equal(response.NextToken, undefined);
    assert.deepEqual(response.DashboardEntries.map((entry) => entry.DashboardName), ["Conformance-List-a", "Conformance-List-b"]);
    const [entry] = response.DashboardEntries;
    assert.equal(entry.DashboardArn, "arn:aws:cloudwatch::000000000000:dashboard/Conformance-List-a");
    assert.equal(entry.Size, Buffer.byteLength(body("Conformance-List-a")));
    assert.ok(entry.LastModified instanceof Date);
    // LocalCloud's clock has sub-millisecond precision; the wire carries milliseconds.
    assert.ok(entry.LastModified.getTime() >= before - 1 && entry.LastModified.getTime() <= after + 1,
      `LastModified ${entry.LastModified.toISOString()} is not between the first put and the last`);
  });

  test("the SDK's paginator walks past the 1,000 dashboards of a page", async () => {
    const names = Array.from({ length: 1001 }, (_, i) => `Conformance-Page-${String(i).padStart(4, "0")}`);
    for (let i = 0; i < names.length; i += 50) {
      await Promise.all(names.slice(i, i + 50).map((DashboardName) => send(new PutDashboardCommand({ DashboardName, DashboardBody: body(DashboardName) }))));
    }

    const pages = [];
    for await (const page of paginateListDashboards({ client: local.cloudWatch }, { DashboardNamePrefix: "Conformance-Page-" })) {
      pages.push(page.DashboardEntries.map((entry) => entry.DashboardName));
    }
    assert.deepEqual(pages.map((page) => page.length), [1000, 1]);
    assert.deepEqual(pages.flat(), names);
  });
});
