// CSRF defence for route handlers that change things (server actions get Next's own origin check).
import "server-only";
import { env } from "@/lib/env";

export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const expected = env.AUTH_URL ? new URL(env.AUTH_URL).origin : new URL(request.url).origin;
  return origin === expected;
}
