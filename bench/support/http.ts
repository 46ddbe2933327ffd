// A minimal HTTP client on node:http: far less client-side CPU per request than fetch, which matters when
// the load generator shares two cores with the server it measures.
import http from "node:http";

export interface Target {
  label: string;
  url: URL;
  headers: Record<string, string>;
  /** Load client i sends `clientHeaders[i % length]` over `headers`: each client a different person. */
  clientHeaders?: Array<Record<string, string>>;
}

export function keepAliveAgent(sockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

/** GET; with `readBody` false the body is drained unread (the load generator only needs the status). */
export function get(target: Target, agent: http.Agent, readBody = true): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(target.url, { agent, headers: target.headers }, (response) => {
      const chunks: Buffer[] = [];
      if (readBody) response.on("data", (chunk: Buffer) => chunks.push(chunk));
      else response.resume();
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}
