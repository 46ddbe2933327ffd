// Request bodies are refused above a small limit before they are read: a declared Content-Length is checked
// first, and a body without one (chunked) is counted while it streams and dropped at the limit. Without this,
// Auth.js reads any body whole (six 400 MB posts took a server to 4.4 GB and slowed every page).
import { NextRequest } from "next/server";

/** Auth callbacks, the Call API route and server actions never need more than a few kilobytes. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export type BodyCheck = { ok: true; body: Uint8Array<ArrayBuffer> | null } | { ok: false };

/** The declared length when it is over the limit, so the caller can refuse without touching the body. */
export function declaresTooMuch(headers: Headers, limit = BODY_LIMIT_BYTES): boolean {
  const declared = headers.get("content-length");
  return declared !== null && !(Number(declared) <= limit);
}

/**
 * Reads at most `limit` bytes and stops as soon as the body goes over. The stream is released, not cancelled:
 * cancelling destroys Node's request and with it the socket the 413 must be written to.
 */
export async function readWithin(stream: ReadableStream<Uint8Array> | null, limit = BODY_LIMIT_BYTES): Promise<BodyCheck> {
  if (!stream) return { ok: true, body: null };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      reader.releaseLock();
      return { ok: false };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, body };
}

/**
 * The rest of the upload is discarded by Node as it arrives, never buffered. No `Connection: close`: closing while
 * the client is still sending makes many clients (Node's among them) fail with EPIPE before they read the 413.
 */
export function payloadTooLarge(limit = BODY_LIMIT_BYTES): Response {
  return new Response(`Request body too large (limit ${limit / 1024} KB).\n`, {
    status: 413,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

type Handler<C> = (request: NextRequest, context: C) => Promise<Response> | Response;

/** Wraps a route handler: an oversized body gets 413; a small one is handed on, already buffered. */
export function withBodyLimit<C>(handler: Handler<C>, limit = BODY_LIMIT_BYTES): Handler<C> {
  return async (request, context) => {
    if (request.method === "GET" || request.method === "HEAD") return handler(request, context);
    if (declaresTooMuch(request.headers, limit)) return payloadTooLarge(limit);
    const checked = await readWithin(request.body, limit);
    if (!checked.ok) return payloadTooLarge(limit);
    const buffered = new NextRequest(request.url, {
      method: request.method,
      headers: request.headers,
      body: checked.body,
      signal: request.signal,
    });
    return handler(buffered, context);
  };
}
