// A second `npm run dev` (scripts/dev.ts) says why in one line and exits, before it touches the database.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { takeDevLock } from "../scripts/dev-guard";

async function listening() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return { server, port: (server.address() as net.AddressInfo).port };
}

function runDev(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/dev.ts"], {
    env: { ...process.env, AUTH_SECRET: "dev-guard-secret-that-is-long-enough-0123", NODE_ENV: "development", ...env },
    encoding: "utf8",
    timeout: 150_000,
  });
}

describe("npm run dev, twice", { timeout: 180_000 }, () => {
  it("refuses to start while another run holds the data folder, in one line", async () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "dev-guard-")), "pglite");
    const first = takeDevLock(dataDir);
    expect("release" in first).toBe(true);
    const result = runDev({ PGLITE_DATA_DIR: dataDir, PORT: "0", AUTH_DEV_PROVIDERS: "0" });
    if ("release" in first) first.release();
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`npm run dev is already running (pid ${process.pid}); stop it first, or use that one.`);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("names a port another program holds, in one line", async () => {
    const { server, port } = await listening();
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "dev-guard-")), "pglite");
    const result = runDev({ PGLITE_DATA_DIR: dataDir, PORT: String(port), AUTH_DEV_PROVIDERS: "0" });
    server.close();
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      `Port ${port} is already in use by another program; stop it or choose other ports (PORT, DEV_ACME_ISSUER, DEV_GLOBEX_ISSUER).`,
    );
    expect(existsSync(dataDir)).toBe(false);
  });

  it("takes over a lock left by a run that crashed", () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "dev-guard-")), "pglite");
    const crashed = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "-e",
      `import("./scripts/dev-guard.ts").then((m) => { m.takeDevLock(${JSON.stringify(dataDir)}); process.exit(0); })`]);
    expect(crashed.status).toBe(0);
    const lock = takeDevLock(dataDir);
    expect("release" in lock).toBe(true);
    if ("release" in lock) lock.release();
  });
});
