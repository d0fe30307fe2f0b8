// A loopback HTTP server that records each request the SDK sends (body decompressed when gzip) and answers "{}",
// which every CloudWatch operation's output accepts.
import { createServer } from "node:http";
import { gunzipSync } from "node:zlib";

/** @returns {Promise<{ endpoint: string, requests: object[], close: () => Promise<void> }>} */
export async function startCaptureServer() {
  const requests = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const body = req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw;
      requests.push({ method: req.method, path: req.url, headers: { ...req.headers }, body: body.toString("utf8") });
      res.writeHead(200, { "content-type": "application/x-amz-json-1.0", "x-amzn-requestid": "capture" });
      res.end("{}");
    });
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
  };
}
