// The session our callbacks and lib/auth/read-session.ts build: always a user, always with its id, and
// nothing else (tokens never enter the session). Auth.js's default makes both optional.
import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & NonNullable<DefaultSession["user"]>;
  }
}
