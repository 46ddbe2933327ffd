// Reading bodies with a ceiling, so neither a caller nor a provider can make the server buffer without end.
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
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}
