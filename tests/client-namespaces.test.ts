// Client components only get the namespaces in i18n/client-namespaces.ts: one they use but do not get would
// show a missing-message error in the browser. This reads every "use client" file for useTranslations("…").
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages } from "@/i18n/client-namespaces";
import en from "@/messages/en.json";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("client message namespaces", () => {
  const clientFiles = ["app", "components"].flatMap(sourceFiles).filter((file) => /^["']use client["']/m.test(readFileSync(file, "utf8")));

  it("include every namespace a client component translates with", () => {
    const used = new Set(clientFiles.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/useTranslations\(\s*["']([\w]+)/g)].map((m) => m[1])));
    expect(clientFiles.length).toBeGreaterThan(5);
    expect(used.size).toBeGreaterThan(3);
    expect([...used].filter((namespace) => !(CLIENT_NAMESPACES as readonly string[]).includes(namespace))).toEqual([]);
  });

  it("never send the whole catalogue: no client component calls useTranslations() without a namespace", () => {
    expect(clientFiles.filter((file) => /useTranslations\(\s*\)/.test(readFileSync(file, "utf8")))).toEqual([]);
  });

  it("pick exactly those namespaces", () => {
    expect(Object.keys(clientMessages(en))).toEqual([...CLIENT_NAMESPACES]);
    expect(JSON.stringify(clientMessages(en)).length).toBeLessThan(JSON.stringify(en).length / 2);
  });
});
