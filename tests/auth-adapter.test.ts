import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getSessionAndUser } from "@/lib/auth/adapter";

describe("getSessionAndUser", () => {
  it("returns the session and its user from one joined query, or null", async () => {
    const user = await db.user.create({ data: { email: "s@example.test", name: "Sam" } });
    const expires = new Date(Date.now() + 60_000);
    await db.session.create({ data: { sessionToken: "tok-1", userId: user.id, expires } });
    const found = await getSessionAndUser("tok-1");
    expect(found?.session).toEqual({ sessionToken: "tok-1", userId: user.id, expires });
    expect(found?.user).toEqual({ id: user.id, name: "Sam", email: "s@example.test", emailVerified: null, image: null });
    expect(await getSessionAndUser("nope")).toBeNull();
  });
});
