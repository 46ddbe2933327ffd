// What the numbers were measured on: they mean little without it.
import { readFileSync } from "node:fs";
import os from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  ram: string;
  node: string;
  os: string;
}

export function describeMachine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() || "unknown CPU",
    cores: os.availableParallelism(),
    ram: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: `${distribution() ?? os.type()} (${os.type()} ${os.release()}, ${os.arch()})`,
  };
}

/** The 1-minute load average: other work on the machine (builds, test runs) skews every number here. */
export function loadAverage(): string {
  return os.loadavg()[0].toFixed(2);
}

function distribution(): string | undefined {
  try {
    return /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1];
  } catch {
    return undefined; // not Linux, or a minimal container without os-release
  }
}
