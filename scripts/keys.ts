// Service keys for /api/v1 (docs/api.md):
//   npm run keys:create -- --name "Nightly sync" --scopes tokens:read,proxy [--providers github,acme] [--rate-limit 600]
//   npm run keys:list
//   npm run keys:revoke -- <prefix|id>
// Works on the database the environment names: PGlite by default (stop `npm run dev` first: PGlite allows one
// process at a time), or PostgreSQL with DATABASE_URL. The key is printed once and never stored or logged.
import { parseArgs } from "node:util";
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd());

const [command, ...rest] = process.argv.slice(2);

async function main(): Promise<number> {
  const keys = await import("../lib/api/service-keys");
  const split = (value: string | undefined) => value?.split(",").map((item) => item.trim()).filter(Boolean);
  switch (command) {
    case "create": {
      const { values } = parseArgs({
        args: rest,
        options: { name: { type: "string" }, scopes: { type: "string" }, providers: { type: "string" }, "rate-limit": { type: "string" } },
      });
      const input = {
        name: values.name ?? "",
        scopes: split(values.scopes) ?? [],
        providers: values.providers === undefined ? null : (split(values.providers) ?? []),
        rateLimitPerMinute: values["rate-limit"] === undefined ? undefined : Number(values["rate-limit"]),
      };
      const problem = keys.validateKeyInput(input);
      if (problem) return fail(problem);
      const { key, record } = await keys.createServiceKey(input);
      console.log(`Created service key "${record.name}" (prefix ${record.prefix}, scopes ${record.scopes}${record.providers ? `, providers ${record.providers}` : ""}, ${record.rateLimitPerMinute}/min).`);
      console.log("Copy it now; it is not stored and will not be shown again:\n");
      console.log(key);
      return 0;
    }
    case "list": {
      const list = await keys.listServiceKeys();
      if (list.length === 0) console.log("No service keys.");
      for (const key of list) {
        const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "active";
        const used = key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : "never used";
        console.log(`${key.prefix}  ${key.name}  [${key.scopes}]${key.providers ? ` providers: ${key.providers}` : ""}  ${key.rateLimitPerMinute}/min  ${state}, ${used}  (id ${key.id})`);
      }
      return 0;
    }
    case "revoke": {
      const target = rest[0];
      if (!target || rest.length > 1) return fail("usage: npm run keys:revoke -- <prefix|id>");
      const revoked = await keys.revokeServiceKey(target);
      if (!revoked) return fail(`No service key with prefix or id "${target}".`);
      console.log(`Revoked "${revoked.name}" (prefix ${revoked.prefix}) at ${revoked.revokedAt?.toISOString()}; its next request is refused.`);
      return 0;
    }
    default:
      return fail("usage: tsx scripts/keys.ts create|list|revoke (see docs/api.md)");
  }
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

let code: number;
try {
  code = await main();
} catch (error) {
  // Only the message: errors from here never carry a key (it is printed only on success).
  console.error(error instanceof Error ? error.message : String(error));
  code = 1;
}
const { db } = await import("../lib/db");
await db.$disconnect();
process.exit(code);
