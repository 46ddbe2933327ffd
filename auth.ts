// Auth.js: database sessions through Prisma, one provider per configured identity provider.
import NextAuth from "next-auth";
import { cache } from "react";
import { authAdapter } from "@/lib/auth/adapter";
import { env } from "@/lib/env";
import { providers } from "@/lib/providers";

const nextAuth = NextAuth({
  adapter: authAdapter,
  session: { strategy: "database" },
  providers: providers.map((provider) => provider.authjs),
  pages: { signIn: "/sign-in", error: "/sign-in" },
  secret: env.AUTH_SECRET,
  // Vercel and `next start` behind a proxy set the host; AUTH_URL pins it when set.
  trustHost: true,
});

export const { handlers, signIn, signOut } = nextAuth;

/** The current session; React's cache makes one request run the session query once. */
export const auth = cache(() => nextAuth.auth());
