// One `npm run dev` at a time: PGlite's data folder must be opened by one process, and the app's and local
// providers' ports can be bound once. A second run says so in one line instead of a stack trace.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import net from "node:net";
import path from "node:path";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Takes `<data folder's parent>/dev.pid`; returns the pid of a live holder instead, if there is one. */
export function takeDevLock(pgliteDir: string): { release(): void } | { heldBy: number } {
  const file = path.join(path.dirname(pgliteDir), "dev.pid");
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(file, "utf8").trim());
      if (holder && holder !== process.pid && alive(holder)) return { heldBy: holder };
      rmSync(file, { force: true }); // left by a run that crashed
    }
  }
  throw new Error(`Could not take ${file}`);
}

/** The first of `ports` something else already listens on. */
export async function firstPortInUse(ports: number[]): Promise<number | undefined> {
  for (const port of ports) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(false));
      server.listen(port, () => server.close(() => resolve(true)));
    });
    if (!free) return port;
  }
  return undefined;
}
