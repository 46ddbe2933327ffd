// What withProviderToken adds when the token is still valid: the same userinfo call made directly with
// the token, and through withProviderToken (account lookup + decryption), alternated so drift in the
// machine's speed affects both equally. A third series calls withProviderToken with a callback that does
// no I/O, isolating its own cost from the noise of the HTTP call.
import { connect, db, loadInstances, seed } from "./app-database";
import { send, serve, type OverheadCommand, type OverheadReply } from "./protocol";

const [app] = await loadInstances(1);
await connect();
send({ kind: "ready", instances: 1 } satisfies OverheadReply);

await serve<OverheadCommand, OverheadReply>(async (command) => {
  if (command.cmd === "seed") return seed(command);
  const failures: string[] = [];
  const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
  const direct = () => fetch(command.url, bearer(command.accessToken));
  const wrapped = () => app.withProviderToken(command.userId, command.accountId, (token) => fetch(command.url, bearer(token)));
  const alone = () => app.withProviderToken(command.userId, command.accountId, async () => new Response("ok"));
  // CPU of this process per series: steadier than wall time when other work shares the machine.
  const cpuMs = { direct: 0, wrapped: 0, alone: 0 };
  const series = { direct: "direct", withProviderToken: "wrapped", "withProviderToken alone": "alone" } as const;
  const timed = async (label: keyof typeof series, request: () => Promise<Response>) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const response = await request();
    await response.arrayBuffer();
    const elapsed = performance.now() - started;
    const used = process.cpuUsage(cpu);
    cpuMs[series[label]] += (used.user + used.system) / 1000;
    if (response.status !== 200) failures.push(`${label}: HTTP ${response.status}`);
    return elapsed;
  };

  for (let index = 0; index < command.warmup; index++) {
    await timed("direct", direct);
    await timed("withProviderToken", wrapped);
    await timed("withProviderToken alone", alone);
  }
  cpuMs.direct = cpuMs.wrapped = cpuMs.alone = 0; // warm-up does not count
  const samples = { direct: [] as number[], wrapped: [] as number[], alone: [] as number[] };
  for (let index = 0; index < command.iterations; index++) {
    // Alternate which goes first, so neither always runs on a connection the other just warmed.
    if (index % 2 === 0) {
      samples.direct.push(await timed("direct", direct));
      samples.wrapped.push(await timed("withProviderToken", wrapped));
    } else {
      samples.wrapped.push(await timed("withProviderToken", wrapped));
      samples.direct.push(await timed("direct", direct));
    }
    samples.alone.push(await timed("withProviderToken alone", alone));
  }
  const perCall = { direct: cpuMs.direct / command.iterations, wrapped: cpuMs.wrapped / command.iterations, alone: cpuMs.alone / command.iterations };
  return { kind: "measured", ...samples, cpuMs: perCall, failures };
}, () => db.$disconnect());
