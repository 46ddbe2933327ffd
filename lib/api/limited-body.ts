// Reading bodies with a ceiling, so neither a caller nor a provider can make the server buffer without end.
// The counting itself is lib/http/body-limit.ts's; this adds the error the proxy reports and cancels what is left.
import { readWithin } from "@/lib/http/body-limit";

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

export async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number, declaredLength?: string | null): Promise<Uint8Array<ArrayBuffer>> {
  if (declaredLength && Number(declaredLength) > limit) {
    await body?.cancel();
    throw new BodyTooLargeError(limit);
  }
  const read = await readWithin(body, limit);
  if (!read.ok) {
    await body?.cancel();
    throw new BodyTooLargeError(limit);
  }
  return read.body ?? new Uint8Array();
}
