// Oversized bodies get 413 before they are read — declared or chunked — on Auth.js's routes, the other route
// handlers and server actions, while other pages keep answering.
import { describe, expect, inject, it } from "vitest";
import { rawPost } from "./support/raw-post";

const origin = inject("appOrigin");
const TEN_MB = 10 * 1024 * 1024;
const LIMIT = 64 * 1024;

async function pageAnswers() {
  const response = await fetch(`${origin}/sign-in`);
  return response.status;
}

describe("request body limits", () => {
  it("refuses a 10 MB post to the Auth.js callback, declared or chunked, while pages keep answering", async () => {
    const url = `${origin}/api/auth/callback/acme`;
    const [declared, chunked, page] = await Promise.all([rawPost(url, TEN_MB), rawPost(url, TEN_MB, { chunked: true }), pageAnswers()]);
    expect(declared.status).toBe(413);
    expect(chunked.status).toBe(413);
    // The chunked upload was cut short: the server answered long before 10 MB went out.
    expect(chunked.bytesSent).toBeLessThan(TEN_MB);
    expect(page).toBe(200);
    expect(await pageAnswers()).toBe(200);
  });

  it("lets a body at the limit through to Auth.js and refuses one byte more", async () => {
    const url = `${origin}/api/auth/signout`;
    expect((await rawPost(url, LIMIT)).status).not.toBe(413);
    expect((await rawPost(url, LIMIT + 1)).status).toBe(413);
    expect((await rawPost(url, LIMIT + 1, { chunked: true })).status).toBe(413);
  });

  it("refuses oversized bodies on the other route handlers", async () => {
    const url = `${origin}/api/connections/acme/call`;
    expect((await rawPost(url, TEN_MB)).status).toBe(413);
    expect((await rawPost(url, TEN_MB, { chunked: true })).status).toBe(413);
  });

  it("refuses oversized server-action bodies on any page, fetch actions and plain form posts", async () => {
    const action = { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" };
    const form = { "content-type": "multipart/form-data; boundary=x" };
    for (const path of ["/", "/sign-in", "/settings/accounts"]) {
      expect((await rawPost(`${origin}${path}`, TEN_MB, { headers: action })).status).toBe(413);
      expect((await rawPost(`${origin}${path}`, TEN_MB, { headers: action, chunked: true })).status).toBe(413);
      expect((await rawPost(`${origin}${path}`, TEN_MB, { headers: form, chunked: true })).status).toBe(413);
    }
    expect(await pageAnswers()).toBe(200);
  });
});
