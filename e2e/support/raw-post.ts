// Sends a large POST with node:http, so the test sees the answer as soon as the server sends it, even while the
// body is still being written (fetch would wait for the upload). Chunked when no length is declared.
import http from "node:http";

export interface RawPostResult {
  status: number;
  /** Milliseconds from the first byte sent to the response headers. */
  elapsedMs: number;
  bytesSent: number;
}

export function rawPost(url: string, size: number, options: { chunked?: boolean; headers?: Record<string, string> } = {}) {
  return new Promise<RawPostResult>((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, "a");
    const headers = { "content-type": "application/x-www-form-urlencoded", ...options.headers };
    const request = http.request(url, {
      method: "POST",
      headers: options.chunked ? { ...headers, "transfer-encoding": "chunked" } : { ...headers, "content-length": String(size) },
    });
    let bytesSent = 0;
    let answered = false;
    const started = performance.now();
    request.on("response", (response) => {
      answered = true;
      resolve({ status: response.statusCode ?? 0, elapsedMs: performance.now() - started, bytesSent });
      // The rest of the body will never be sent: drop the connection rather than leave it half-written.
      request.destroy();
    });
    // Destroying the request after the answer may surface as an error; only one before it is a failure.
    request.on("error", (error) => (answered ? undefined : reject(error)));
    const writeMore = () => {
      while (!answered && bytesSent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - bytesSent));
        bytesSent += part.length;
        if (!request.write(part)) return void request.once("drain", writeMore);
      }
      if (!answered) request.end();
    };
    writeMore();
  });
}
