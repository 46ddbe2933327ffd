// In front of Auth.js's route handler: per-IP rate limits on sign-in and callbacks, and passkey
// registration only for a signed-in person with a recent sign-in (no sign-up by passkey).
import "server-only";
import { auth } from "@/auth";
import { clientIp, hitRateLimit, tooManyRequests } from "@/lib/rate-limit";
import { hasRecentSignIn } from "./recent-sign-in";

type Handler = (request: Request) => Promise<Response>;

async function isPasskeyRegistration(request: Request, path: string) {
  if (path.endsWith("/webauthn-options/passkey")) {
    const action = new URL(request.url).searchParams.get("action");
    // Without an action Auth.js registers when signed in: treat it as the registration it is.
    return action === "register" || (action !== "authenticate" && (await auth()) !== null);
  }
  if (path.endsWith("/callback/passkey") && request.method === "POST") {
    const body = await request.clone().formData().catch(() => null);
    return body?.get("action") === "register";
  }
  return false;
}

export function guardAuthRoute(handler: Handler): Handler {
  return async (request) => {
    const path = new URL(request.url).pathname;
    const rule = path.includes("/callback/") || path.includes("/webauthn-options/") ? "callback" : path.includes("/signin/") ? "sign-in" : null;
    if (rule) {
      const limited = await hitRateLimit(rule, clientIp(request.headers));
      if (!limited.ok) return tooManyRequests(limited.retryAfterSeconds);
    }
    if (await isPasskeyRegistration(request, path)) {
      const userId = (await auth())?.user?.id;
      if (!userId) return Response.json({ error: "Sign in before adding a passkey." }, { status: 401 });
      if (!(await hasRecentSignIn(userId))) return Response.json({ error: "Confirm it's you before adding a passkey." }, { status: 403 });
    }
    return handler(request);
  };
}
