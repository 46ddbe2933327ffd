// Runs the Prisma CLI. Prisma 6 downloads a native engine when DATABASE_URL is unset, even though
// prisma.config.ts never uses it, so a placeholder is set (see ../shared/STACK.md).
import { spawnSync } from "node:child_process";

const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL || "postgresql://localhost/prisma-cli" };
const result = spawnSync("prisma", process.argv.slice(2), { stdio: "inherit", env, shell: process.platform === "win32" });
process.exit(result.status ?? 1);
