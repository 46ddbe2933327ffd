// Identity from a standards-conformant issuer: Globex ID's ID token carries only sub; email, email_verified and
// name come from userinfo. Acme ID puts them in the ID token. Both must reach the linking rules the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProvidersForTests } from "./support/dev-provider-env";
import { devStats, obtainTokens } from "./support/oidc-client";

let dev: Awaited<ReturnType<typeof startProvidersForTests>>["dev"];
let acme: { id: string; issuer: string };
let globex: { id: string; issuer: string };
let completeFromUserinfo: typeof import("@/lib/providers/userinfo").completeFromUserinfo;
let findProvider: typeof import("@/lib/providers").findProvider;

beforeAll(async () => {
  ({ dev, acme, globex } = await startProvidersForTests());
  ({ completeFromUserinfo } = await import("@/lib/providers/userinfo"));
  ({ findProvider } = await import("@/lib/providers"));
});
afterAll(() => dev?.close());

describe("OpenID profile claims", () => {
  it("reads userinfo when the ID token has only sub (Globex), before anything else sees the profile", async () => {
    const tokens = await obtainTokens(globex, { username: "uma", email: "uma@example.test" });
    expect(tokens.claims.email).toBeUndefined();
    expect(tokens.claims.email_verified).toBeUndefined();
    const claims = { ...tokens.claims };
    const before = (await devStats(globex.issuer)).userinfo;
    // The Auth.js profile callback of the provider: it completes the claims object Auth.js hands the signIn callback.
    const profile = findProvider("globex")!.authjs as unknown as {
      profile(claims: Record<string, unknown>, tokens: { access_token: string }): Promise<{ id: string; email: string | null; name: string | null }>;
    };
    const user = await profile.profile(claims, tokens);
    expect(user).toMatchObject({ id: "uma", email: "uma@example.test", name: "Uma" });
    expect(claims).toMatchObject({ sub: "uma", email: "uma@example.test", email_verified: true, preferred_username: "uma" });
    expect((await devStats(globex.issuer)).userinfo).toBe(before + 1);
    expect(findProvider("globex")!.emailIsVerified(claims)).toBe(true);
  });

  it("does not call userinfo when the ID token already has the claims (Acme)", async () => {
    const tokens = await obtainTokens(acme, { username: "ari" });
    expect(tokens.claims).toMatchObject({ email: "ari@example.test", email_verified: true });
    const before = (await devStats(acme.issuer)).userinfo;
    const claims = { ...tokens.claims };
    await completeFromUserinfo(findProvider("acme")!, claims, tokens.access_token);
    expect(claims).toEqual(tokens.claims);
    expect((await devStats(acme.issuer)).userinfo).toBe(before);
  });

  it("refuses userinfo that names a different subject, and never overrides the ID token's claims", async () => {
    const uma = await obtainTokens(globex, { username: "uma.two" });
    const eve = await obtainTokens(globex, { username: "eve" });
    // oauth4webapi compares userinfo's sub with the expected subject and refuses a mismatch.
    const mismatched: Record<string, unknown> = { sub: "uma.two" };
    await expect(completeFromUserinfo(findProvider("globex")!, mismatched, eve.access_token)).rejects.toThrow(/sub/);
    expect(mismatched).toEqual({ sub: "uma.two" });
    const claims: Record<string, unknown> = { sub: "uma.two", name: "Signed Name" };
    await completeFromUserinfo(findProvider("globex")!, claims, uma.access_token);
    expect(claims).toMatchObject({ name: "Signed Name", email: "uma.two@example.test", email_verified: true });
  });

  it("builds the user only from string claims: a number or object where a name or email belongs becomes null", async () => {
    const tokens = await obtainTokens(acme, { username: "odd" });
    const profile = findProvider("acme")!.authjs as unknown as {
      profile(claims: Record<string, unknown>, tokens: { access_token: string }): Promise<{ name: string | null; email: string | null; image: string | null }>;
    };
    const claims = { sub: "odd", email: 42, email_verified: true, name: { first: "O" }, preferred_username: "odd", picture: ["x"] };
    await expect(profile.profile(claims, tokens)).resolves.toMatchObject({ name: "odd", email: null, image: null });
  });
});
