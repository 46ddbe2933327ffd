// `npx tsx bench/body-limit.ts <origin>` against a running `next start`: how fast a 10 MB POST to the Auth.js
// callback gets its 413 (declared length and chunked), and how fast another page answers meanwhile.
// Issue 10's target: 413 in under 100 ms while other pages stay fast. Not part of `npm run bench`.
import { rawPost } from "../e2e/support/raw-post";

const origin = process.argv[2];
if (!origin) {
  console.error("Usage: npx tsx bench/body-limit.ts http://localhost:<port>");
  process.exit(2);
}
const TEN_MB = 10 * 1024 * 1024;
const ROUNDS = 20;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const max = (values: number[]) => Math.max(...values);
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function pageMs() {
  const started = performance.now();
  const response = await fetch(`${origin}/sign-in`);
  await response.text();
  return performance.now() - started;
}

const quiet: number[] = [];
for (let i = 0; i < ROUNDS; i++) quiet.push(await pageMs());

const declared: number[] = [];
const chunked: number[] = [];
const busy: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  // Six oversized posts at once (the attack), and a page request among them.
  const posts = Array.from({ length: 6 }, (_, j) => rawPost(`${origin}/api/auth/callback/acme`, TEN_MB, { chunked: j % 2 === 1 }));
  const [page, ...results] = await Promise.all([pageMs(), ...posts]);
  busy.push(page);
  for (const [j, result] of results.entries()) {
    if (result.status !== 413) throw new Error(`expected 413, got ${result.status}`);
    (j % 2 === 1 ? chunked : declared).push(result.elapsedMs);
  }
}

console.log(`413, declared 10 MB: median ${ms(median(declared))}, max ${ms(max(declared))} (${declared.length} posts)`);
console.log(`413, chunked 10 MB:  median ${ms(median(chunked))}, max ${ms(max(chunked))} (${chunked.length} posts)`);
console.log(`/sign-in alone: median ${ms(median(quiet))}; during 6 posts: median ${ms(median(busy))}, max ${ms(max(busy))}`);
