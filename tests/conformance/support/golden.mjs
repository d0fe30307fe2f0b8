// Golden requests: what the official SDK sends for each input of golden-cases.mjs, in a form any language can
// compare with (the C# client's tests in tests/Kessan.Console.Aws.Tests read the same files).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as cloudwatch from "@aws-sdk/client-cloudwatch";
import * as logs from "@aws-sdk/client-cloudwatch-logs";
import { startCaptureServer } from "./capture-server.mjs";
import { goldenCases } from "./golden-cases.mjs";
import { REGION, TEST_KEYS } from "./local-cloud.mjs";

export const goldenFolder = resolve(dirname(fileURLToPath(import.meta.url)), "..", "golden");

// The SDKs the golden cases go through, by a case's `service` (CloudWatch when it has none).
const sdks = {
  cloudwatch: { module: cloudwatch, Client: cloudwatch.CloudWatchClient, name: "@aws-sdk/client-cloudwatch" },
  logs: { module: logs, Client: logs.CloudWatchLogsClient, name: "@aws-sdk/client-cloudwatch-logs" },
};

// CloudWatch input members that are timestamps: ISO strings in the golden input, Date objects for the SDK.
// (CloudWatch Logs takes timestamps as numbers, milliseconds or seconds, so its inputs are sent as they are.)
const timestampMembers = new Set(["StartTime", "EndTime", "Timestamp", "StartDate", "EndDate"]);

// Headers that carry transport, signing, telemetry or retry bookkeeping rather than the protocol; golden files
// name them without values (they change per call). Every other header is a protocol header, kept with its value.
const nonProtocolHeaders = new Set([
  "amz-sdk-invocation-id", "amz-sdk-request", "authorization", "connection", "content-length", "host",
  "user-agent", "x-amz-content-sha256", "x-amz-date", "x-amz-security-token", "x-amz-user-agent",
]);

/** The SDK input for a golden input: ISO timestamps become Dates. */
export function sdkInput(input) {
  return JSON.parse(JSON.stringify(input), (key, value) =>
    timestampMembers.has(key) && typeof value === "string" ? new Date(value) : value);
}

/** What the SDK sent, as stored in a golden file. */
export function describeRequest(captured) {
  const protocolHeaders = {};
  const otherHeaders = [];
  for (const [name, value] of Object.entries(captured.headers)) {
    if (name === "content-type" || name === "x-amz-target") continue;
    if (nonProtocolHeaders.has(name)) otherHeaders.push(name);
    else protocolHeaders[name] = value;
  }
  return {
    method: captured.method,
    path: captured.path,
    target: captured.headers["x-amz-target"],
    contentType: captured.headers["content-type"],
    protocolHeaders,
    otherHeaders: otherHeaders.sort(),
    body: JSON.parse(captured.body),
  };
}

/** Sends every golden case through its SDK to a capturing server; returns the golden documents by file name. */
export async function captureGoldens() {
  const server = await startCaptureServer();
  const clients = Object.fromEntries(Object.entries(sdks).map(([service, sdk]) =>
    [service, new sdk.Client({ endpoint: server.endpoint, region: REGION, credentials: { ...TEST_KEYS }, maxAttempts: 1 })]));
  try {
    const documents = new Map();
    for (const golden of goldenCases) {
      const service = golden.service ?? "cloudwatch";
      const Command = sdks[service].module[`${golden.operation}Command`];
      await clients[service].send(new Command(service === "cloudwatch" ? sdkInput(golden.input) : structuredClone(golden.input)));
      const request = describeRequest(server.requests.at(-1));
      documents.set(`${golden.name}.json`, {
        name: golden.name,
        description: golden.description,
        operation: golden.operation,
        sdk: `${sdks[service].name} ${sdkVersion(sdks[service].name)}`,
        input: golden.input,
        request,
      });
    }
    return documents;
  } finally {
    for (const client of Object.values(clients)) client.destroy();
    await server.close();
  }
}

export function sdkVersion(name = sdks.cloudwatch.name) {
  const manifest = join(goldenFolder, "..", "node_modules", ...name.split("/"), "package.json");
  return JSON.parse(readFileSync(manifest, "utf8")).version;
}

/** Two-space indented JSON, with arrays of plain values on one line so long Values/Counts stay readable. */
export function serialize(document) {
  const write = (value, indent) => {
    if (value === null || typeof value !== "object") return JSON.stringify(value);
    if (Array.isArray(value) && value.every((item) => item === null || typeof item !== "object")) return JSON.stringify(value);
    const inner = indent + "  ";
    const items = Array.isArray(value)
      ? value.map((item) => inner + write(item, inner))
      : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${write(item, inner)}`);
    const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
    return items.length === 0 ? open + close : `${open}\n${items.join(",\n")}\n${indent}${close}`;
  };
  return write(document, "") + "\n";
}

export function committedGoldens() {
  return new Map(readdirSync(goldenFolder)
    .filter((file) => file.endsWith(".json"))
    .map((file) => [file, JSON.parse(readFileSync(join(goldenFolder, file), "utf8"))]));
}

export function writeGoldens(documents) {
  for (const [file, document] of documents) {
    writeFileSync(join(goldenFolder, file), serialize(document));
  }
}
