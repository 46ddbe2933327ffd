// Auth.js: database sessions through Prisma, one provider per configured identity provider.
// Linking rules live in lib/auth/sign-in-policy.ts; token and profile updates in lib/auth/events.ts.
import "server-only";
import NextAuth, { type Session } from "next-auth";
import Passkey from "next-auth/providers/passkey";
import { cache } from "react";
import { authAdapter } from "@/lib/auth/adapter";
import { onSignIn } from "@/lib/auth/events";
import { clearConnectIntent, readConnectIntent, setPendingLinkCookie } from "@/lib/auth/flow-cookies";
import { decideConfirmSignIn, markReauthenticated, readConfirmIntent } from "@/lib/auth/recent-sign-in";
import { authLogger } from "@/lib/auth/logger";
import { readSession } from "@/lib/auth/read-session";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { decideSignIn } from "@/lib/auth/sign-in-policy";
import { flashAccountsNotice, flashFromAccountsUrl } from "@/app/settings/accounts/notices";
import { env } from "@/lib/env";
import { providers } from "@/lib/providers";

// Bench only (bench/README.md): the bench builds a second copy of the app with JWT sessions to show that
// database sessions are not slower. next.config.js inlines this at build time, so a built app cannot be
// switched at run time. Not a user option: database sessions are what make sign-out immediate.
const benchJwtBuild = process.env.BENCH_SESSION_STRATEGY === "jwt";

const nextAuth = NextAuth({
  adapter: authAdapter,
  session: { strategy: benchJwtBuild ? "jwt" : "database" },
  // Passkeys (WebAuthn) beside the identity providers; the relying party id is the app's host name.
  providers: [...providers.map((provider) => provider.authjs), Passkey],
  experimental: { enableWebAuthn: true },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  secret: env.AUTH_SECRET,
  // Vercel and `next start` behind a proxy set the host; AUTH_URL pins it when set.
  trustHost: true,
  logger: authLogger,
  callbacks: {
    async signIn({ account, profile }) {
      if (!account || (account.type !== "oauth" && account.type !== "oidc")) return true;
      const sessionUserId = (await nextAuth.auth())?.user?.id ?? null;
      // "Confirm it's you": only one of this person's own accounts gets through, and changes nothing.
      const confirming = sessionUserId ? await readConfirmIntent(sessionUserId) : null;
      if (sessionUserId && confirming && (await readConnectIntent(sessionUserId))?.provider !== account.provider) {
        return decideConfirmSignIn(sessionUserId, account, confirming.returnTo);
      }
      const connectIntent = sessionUserId ? await readConnectIntent(sessionUserId) : null;
      const decision = await decideSignIn({
        sessionUserId,
        connectIntent,
        account,
        profile,
      });
      if (decision.kind === "pending") await setPendingLinkCookie(decision.id);
      // A refused connect is over: the intent must not apply to a later, unrelated round trip.
      if (decision.kind === "redirect" && sessionUserId) await clearConnectIntent();
      // The accounts page's notices travel as a flash, not in the URL (app/settings/accounts/notices.ts).
      if (decision.kind === "allow" && sessionUserId && connectIntent) {
        await flashAccountsNotice(connectIntent.notice === "access-updated" ? "accessUpdated" : "connected", account.provider);
      }
      return decision.kind === "allow" ? true : decision.kind === "redirect" ? flashFromAccountsUrl(decision.to) : decision.to;
    },
    // Only these fields reach server components; tokens never enter the session.
    session({ session, user, token }): Session {
      if (benchJwtBuild) {
        // Auth.js puts the user's id in `sub` when it issues the token; a token without one is no session.
        if (!token.sub) throw new Error("JWT session without a subject");
        return { expires: session.expires, user: { id: token.sub, name: token.name, email: token.email, image: token.picture } };
      }
      return { expires: session.expires, user: { id: user.id, name: user.name, email: user.email, image: user.image } };
    },
    redirect({ url, baseUrl }) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
      return baseUrl + safeRedirect(path);
    },
  },
  events: {
    async signIn(message) {
      const userId = message.user.id;
      const connecting = userId ? (await readConnectIntent(userId))?.provider === message.account?.provider : false;
      await onSignIn(message);
      if (userId) await markReauthenticated(userId, connecting);
    },
  },
});

export const { handlers, signIn, signOut } = nextAuth;

/**
 * The current session: one statement per request (lib/auth/read-session.ts), and React's cache makes a
 * render run it once however many components ask.
 */
export const auth = cache((): Promise<Session | null> => (benchJwtBuild ? nextAuth.auth() : readSession()));
