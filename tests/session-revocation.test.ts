// Sign-out is immediate: the session read that every request runs (lib/auth/read-session.ts) has no cache,
// so once Auth.js deletes the session row the very next read refuses the cookie.
import { describe, expect, it } from "vitest";
import { authAdapter } from "@/lib/auth/adapter";
import { findSession } from "@/lib/auth/read-session";
import { db } from "@/lib/db";

async function signedInUser(email: string, expires = new Date(Date.now() + 3_600_000)) {
  const user = await db.user.create({ data: { email, name: "Rae" } });
  const sessionToken = `tok-${email}`;
  await db.session.create({ data: { sessionToken, userId: user.id, expires } });
  return { user, sessionToken };
}

describe("session read", () => {
  it("refuses a signed-out session (row deleted) on the very next read", async () => {
    const { user, sessionToken } = await signedInUser("rae@example.test");
    expect((await findSession(sessionToken))?.user).toEqual({ id: user.id, name: "Rae", email: "rae@example.test", image: null });

    await authAdapter.deleteSession!(sessionToken); // what Auth.js's signOut() does

    expect(await findSession(sessionToken)).toBeNull();
  });

  it("refuses an expired session and writes nothing on a read", async () => {
    const { sessionToken } = await signedInUser("old@example.test");
    const before = await db.session.findUniqueOrThrow({ where: { sessionToken } });
    expect(await findSession(sessionToken)).not.toBeNull();
    expect(await findSession(sessionToken, before.expires.getTime() + 1)).toBeNull();
    expect(await db.session.findUniqueOrThrow({ where: { sessionToken } })).toEqual(before);
  });
});
