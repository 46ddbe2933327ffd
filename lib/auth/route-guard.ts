// In front of Auth.js's route handler: per-IP rate limits on sign-in and callbacks, and passkey
// registration only for a signed-in person with a recent sign-in (no sign-up by passkey).
import "server-only";
import { db } from "@/lib/db";
import { clientIp, hitRateLimit, tooManyRequests } from "@/lib/rate-limit";
import { isRecent } from "./recent-sign-in";
import { SESSION_COOKIES } from "./session-cookie";

/** Generic so a NextRequest handed in is the NextRequest handed on (Auth.js's handlers want one). */
type Handler<R extends Request> = (request: R) => Promise<Response>;

/** The session named by the request's cookie (read from the request itself, so this runs anywhere). */
async function requestSession(request: Request) {
  const cookies = new Map(
    (request.headers.get("cookie") ?? "").split(";").map((part) => {
      const [name, ...value] = part.trim().split("=");
      return [name, value.join("=")] as const;
    }),
  );
  const sessionToken = SESSION_COOKIES.map((name) => cookies.get(name)).find(Boolean);
  if (!sessionToken) return null;
  return db.session.findFirst({ where: { sessionToken, expires: { gt: new Date() } }, select: { authenticatedAt: true } });
}

async function isPasskeyRegistration(request: Request, path: string) {
  if (path.endsWith("/webauthn-options/passkey")) {
    const action = new URL(request.url).searchParams.get("action");
    // Without an action Auth.js registers when signed in: treat it as the registration it is.
    return action === "register" || (action !== "authenticate" && (await requestSession(request)) !== null);
  }
  if (path.endsWith("/callback/passkey") && request.method === "POST") {
    const body = await request.clone().formData().catch(() => null);
    return body?.get("action") === "register";
  }
  return false;
}

export function guardAuthRoute<R extends Request>(handler: Handler<R>): Handler<R> {
  return async (request) => {
    const path = new URL(request.url).pathname;
    const rule = path.includes("/callback/") || path.includes("/webauthn-options/") ? "callback" : path.includes("/signin/") ? "sign-in" : null;
    if (rule) {
      const limited = await hitRateLimit(rule, clientIp(request.headers));
      if (!limited.ok) return tooManyRequests(limited.retryAfterSeconds, request);
    }
    if (await isPasskeyRegistration(request, path)) {
      const session = await requestSession(request);
      if (!session) return Response.json({ error: "Sign in before adding a passkey." }, { status: 401 });
      if (!isRecent(session.authenticatedAt)) return Response.json({ error: "Confirm it's you before adding a passkey." }, { status: 403 });
    }
    return handler(request);
  };
}
