// Starts the LocalCloud built by `dotnet build` as a child process on a free loopback port, for one test file.
// The process is stopped by the file's after() hook, and on exit or interruption of the test process as well,
// so no run leaves one behind.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, request } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before } from "node:test";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const startupDeadlineMs = 20_000;

export const REGION = "ap-northeast-1";

// The machine runs Node 20, which this SDK version still supports; its notice about future versions is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/** The keys LocalCloud verifies signatures with; never real ones. */
export const TEST_KEYS = Object.freeze({
  accessKeyId: "AKIDKESSANCONFORMANCE",
  secretAccessKey: "kessan-conformance-secret",
});

/** The build LocalCloud runs from: KESSAN_CONFIGURATION (Release in scripts/test.sh), Debug otherwise. */
export function localCloudDll() {
  const configuration = process.env.KESSAN_CONFIGURATION || "Debug";
  return join(repository, "src", "Kessan.LocalCloud", "bin", configuration, "net10.0", "Kessan.LocalCloud.dll");
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

const running = new Set();
let exitHooksInstalled = false;

function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      for (const child of running) child.kill("SIGKILL");
      process.kill(process.pid, signal);
    });
  }
}

/**
 * Starts LocalCloud with the simulator off and signature verification on: every request must be signed with
 * TEST_KEYS, so the SDK's SigV4 signing is checked by every test too.
 * @returns {Promise<{ endpoint: string, client: (overrides?: object) => CloudWatchClient,
 *   logsClient: (overrides?: object) => CloudWatchLogsClient, stop: () => Promise<void> }>}
 */
export async function startLocalCloud() {
  const dll = localCloudDll();
  if (!existsSync(dll)) {
    throw new Error(`${dll} is missing: build it first (dotnet build src/Kessan.LocalCloud -c ${process.env.KESSAN_CONFIGURATION || "Debug"}).`);
  }

  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const args = [
    dll, `--LocalCloud:Url=${endpoint}`, "--LocalCloud:Simulator:Enabled=false", "--Logging:LogLevel:Default=Warning",
    `--LocalCloud:AccessKeyId=${TEST_KEYS.accessKeyId}`, `--LocalCloud:SecretAccessKey=${TEST_KEYS.secretAccessKey}`,
  ];

  installExitHooks();
  const child = spawn("dotnet", args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DOTNET_NOLOGO: "1" } });
  running.add(child);
  // Kept for the failure message only; a healthy run prints nothing.
  let output = "";
  const keep = (chunk) => { output = (output + chunk).slice(-4000); };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((done) => child.once("exit", (code, signal) => { running.delete(child); done({ code, signal }); }));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const forced = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(forced);
    }
  };

  try {
    await waitUntilAnswering(endpoint, exited, () => output);
  } catch (error) {
    await stop();
    throw error;
  }

  const settings = (overrides) => ({
    endpoint,
    region: REGION,
    credentials: { ...TEST_KEYS }, // a copy: the SDK marks the object it is given
    maxAttempts: 1,
    ...overrides,
  });
  const client = (overrides = {}) => new CloudWatchClient(settings(overrides));
  const logsClient = (overrides = {}) => new CloudWatchLogsClient(settings(overrides));
  return { endpoint, client, logsClient, stop };
}

// Any HTTP answer means Kestrel is up; an unsigned POST gets LocalCloud's error reply.
async function waitUntilAnswering(endpoint, exited, output) {
  const deadline = Date.now() + startupDeadlineMs;
  let died = null;
  exited.then((status) => { died = status; });
  while (Date.now() < deadline) {
    if (died) {
      throw new Error(`LocalCloud exited (${died.code ?? died.signal}) before answering:\n${output()}`);
    }
    if (await answers(endpoint)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`LocalCloud did not answer at ${endpoint} within ${startupDeadlineMs} ms:\n${output()}`);
}

function answers(endpoint) {
  return new Promise((done) => {
    const probe = request(endpoint, { method: "POST", timeout: 1_000 }, (response) => {
      response.resume();
      done(true);
    });
    probe.on("timeout", () => probe.destroy());
    probe.on("error", () => done(false));
    probe.end();
  });
}

/**
 * Registers before/after hooks that start LocalCloud for the current test file and stop it when the file is done,
 * whether its tests passed or not.
 * @returns {{ cloud: object, cloudWatch: CloudWatchClient, logs: CloudWatchLogsClient }} filled in once the before hook has run
 */
export function useLocalCloud() {
  const context = {};
  before(async () => {
    context.cloud = await startLocalCloud();
    context.cloudWatch = context.cloud.client();
    context.logs = context.cloud.logsClient();
  });
  after(async () => {
    context.cloudWatch?.destroy();
    context.logs?.destroy();
    await context.cloud?.stop();
  });
  return context;
}
