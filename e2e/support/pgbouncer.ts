// Starts Debian's PgBouncer (1.18) in transaction mode in front of the test's PostgreSQL schema, with a generated
// ini, and reads its admin console. PgBouncer refuses to run as root, so under root it drops to `postgres`.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./free-port";

export const PGBOUNCER = "/usr/sbin/pgbouncer";

export interface Pooler {
  /** DATABASE_URL for the app: through the pooler, same schema. */
  url: string;
  poolSize: number;
  /** Server connections PgBouncer holds to PostgreSQL for the app's database right now. */
  serverConnections(): Promise<number>;
  stop(): Promise<void>;
}

export async function startPgBouncer(databaseUrl: string, poolSize: number): Promise<Pooler> {
  const target = new URL(databaseUrl);
  const schema = target.searchParams.get("schema");
  const dir = mkdtempSync(path.join(tmpdir(), "pgbouncer-"));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const user = decodeURIComponent(target.username || "postgres");
  // Prisma qualifies its tables with the schema; raw SQL relies on search_path, set on every server connection
  // (PgBouncer does not pass the client's `options` startup parameter on, hence ignore_startup_parameters).
  const connectQuery = schema ? ` connect_query='SET search_path TO "${schema}"'` : "";
  writeFileSync(path.join(dir, "users.txt"), `"${user}" ""\n`);
  writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `app = host=${target.hostname} port=${target.port || 5432} dbname=${target.pathname.slice(1)} user=${user}${connectQuery}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "users.txt")}`,
      `admin_users = ${user}`,
      "pool_mode = transaction",
      `default_pool_size = ${poolSize}`,
      // Opened up front (still within the pool): PgBouncer opens server connections one at a time.
      `min_pool_size = ${poolSize}`,
      "reserve_pool_size = 0",
      "max_client_conn = 1000",
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      "",
    ].join("\n"),
  );
  const asRoot = process.getuid?.() === 0;
  const child = spawn(PGBOUNCER, [...(asRoot ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")], { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  const admin = await connectAdmin(port, user, child, () => output.join("") + readLog(dir));
  const url = new URL(`postgres://${user}@127.0.0.1:${port}/app`);
  if (schema) url.searchParams.set("schema", schema);
  return {
    url: url.toString(),
    poolSize,
    async serverConnections() {
      // The admin console speaks only the simple query protocol: no parameters.
      const { rows } = await admin.query<{ database: string }>("SHOW SERVERS");
      return rows.filter((row) => row.database === "app").length;
    },
    async stop() {
      await admin.end().catch(() => {});
      await stop(child);
    },
  };
}

function readLog(dir: string) {
  const log = path.join(dir, "pgbouncer.log");
  return existsSync(log) ? readFileSync(log, "utf8") : "";
}

async function connectAdmin(port: number, user: string, child: ChildProcess, logs: () => string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited:\n${logs()}`);
    const admin = new pg.Client({ host: "127.0.0.1", port, user, database: "pgbouncer" });
    try {
      await admin.connect();
      return admin;
    } catch (error) {
      await admin.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`pgbouncer did not answer: ${error}\n${logs()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
