// What POST /api/v1/connections/{id}/token adds over reading the token from the database directly (the
// least any token service must do: one indexed row read and a decryption). The route handler runs in this
// process exactly as Next.js calls it — key check, rate-limit upsert, consent check, withProviderToken,
// audit writes — without the HTTP layer, which is the same for every route. Alternated after warm-up.
import { createServiceKey } from "@/lib/api/service-keys";
import { readSecret } from "@/lib/tokens/columns";
import { connect, db, seed } from "./app-database";
import { send, serve, type TokenApiCommand, type TokenApiReply } from "./protocol";

const { POST } = await import("@/app/api/v1/connections/[id]/token/route");
await connect();
send({ kind: "ready", instances: 1 } satisfies TokenApiReply);

await serve<TokenApiCommand, TokenApiReply>(async (command) => {
  if (command.cmd === "seed") return seed(command);
  await db.account.update({ where: { id: command.accountId }, data: { allowServices: true } });
  const { key } = await createServiceKey({ name: "bench", scopes: ["tokens:read"], rateLimitPerMinute: 100_000 });
  const failures: string[] = [];
  const direct = async () => {
    const row = await db.account.findUnique({ where: { id: command.accountId }, select: { access_token: true, expires_at: true, scope: true } });
    if (!readSecret(row?.access_token ?? null, "access_token")) failures.push("direct: no token");
  };
  const endpoint = async () => {
    const request = new Request(`http://bench.local/api/v1/connections/${command.accountId}/token`, { method: "POST", headers: { authorization: `Bearer ${key}` } });
    const response = await POST(request, { params: Promise.resolve({ id: command.accountId }) });
    const body = (await response.json()) as { access_token?: string };
    if (response.status !== 200 || !body.access_token) failures.push(`endpoint: HTTP ${response.status}`);
  };
  const timed = async (run: () => Promise<void>) => {
    const started = performance.now();
    await run();
    return performance.now() - started;
  };
  for (let index = 0; index < command.warmup; index++) {
    await timed(direct);
    await timed(endpoint);
  }
  const samples = { direct: [] as number[], endpoint: [] as number[] };
  for (let index = 0; index < command.iterations; index++) {
    // Alternate which goes first, so neither always runs on a connection the other just warmed.
    if (index % 2 === 0) {
      samples.direct.push(await timed(direct));
      samples.endpoint.push(await timed(endpoint));
    } else {
      samples.endpoint.push(await timed(endpoint));
      samples.direct.push(await timed(direct));
    }
  }
  return { kind: "measured", ...samples, failures };
}, () => db.$disconnect());
