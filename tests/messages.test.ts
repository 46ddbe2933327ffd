// Every message exists in both languages, and every key the code asks for exists.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { activityTypes } from "@/lib/activity";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of leaves(value, name)) out.set(k, v);
  }
  return out;
}

const enLeaves = leaves(en);
const jaLeaves = leaves(ja);

/** ICU argument names ({name}, {count, plural, …}) and rich tags (<strong>) of a message. */
function argumentsOf(message: string): string[] {
  const names = [...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]).filter((n) => n !== "other" && n !== "one");
  const tags = [...message.matchAll(/<(\w+)>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...names, ...tags])].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Splits "a, { b, c }, d" at top-level commas. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of list) {
    if ("([{".includes(ch)) depth++;
    if (")]}".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** Translator variables of a file and their namespaces: `const t = await getTranslations("ns")`,
 *  `const t = useTranslations("ns")` and `const [a, t] = await Promise.all([…, getTranslations("ns")])`. */
function translators(source: string): Map<string, string> {
  const found = new Map<string, string>();
  const call = /^(?:await\s+)?(?:get|use)Translations\(\s*"([\w.]+)"\s*\)$/;
  for (const m of source.matchAll(/const\s+(\w+)\s*=\s*((?:await\s+)?(?:get|use)Translations\([^)]*\))/g)) {
    const ns = call.exec(m[2])?.[1];
    if (ns) found.set(m[1], ns);
  }
  for (const m of source.matchAll(/const\s+\[([^\]]+)\]\s*=\s*await\s+Promise\.all\(\[([\s\S]*?)\]\)/g)) {
    const names = splitTopLevel(m[1]);
    const calls = splitTopLevel(m[2]);
    names.forEach((name, i) => {
      const ns = call.exec(calls[i] ?? "")?.[1];
      if (ns && /^\w+$/.test(name)) found.set(name, ns);
    });
  }
  return found;
}

describe("messages", () => {
  it("has the same keys in English and Japanese", () => {
    expect([...jaLeaves.keys()].filter((k) => !enLeaves.has(k))).toEqual([]);
    expect([...enLeaves.keys()].filter((k) => !jaLeaves.has(k))).toEqual([]);
  });

  it("uses the same arguments in both languages, and no empty message", () => {
    for (const [key, message] of enLeaves) {
      expect(message.trim(), key).not.toBe("");
      expect(jaLeaves.get(key)?.trim(), key).not.toBe("");
      expect(argumentsOf(jaLeaves.get(key) ?? ""), key).toEqual(argumentsOf(message));
    }
  });

  it("has a message for every activity type", () => {
    for (const type of activityTypes) {
      expect(enLeaves.has(`activity.types.${type}`), type).toBe(true);
      expect(jaLeaves.has(`activity.types.${type}`), type).toBe(true);
    }
  });

  it("has every key the code asks for", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of ["app", "components", "lib"].flatMap((dir) => sourceFiles(dir))) {
      const source = readFileSync(file, "utf8");
      for (const [name, ns] of translators(source)) {
        for (const m of source.matchAll(new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.has)?\\(\\s*"([\\w.]+)"`, "g"))) {
          checked++;
          if (!enLeaves.has(`${ns}.${m[1]}`)) missing.push(`${file}: ${ns}.${m[1]}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // The scan must actually find the app's translations, or this test proves nothing.
    expect(checked).toBeGreaterThan(40);
  });

  it("names each settings page the same in its tab and its heading", () => {
    for (const messages of [enLeaves, jaLeaves]) {
      expect(messages.get("settings.accounts")).toBe(messages.get("accounts.title"));
      expect(messages.get("settings.activity")).toBe(messages.get("activity.title"));
      expect(messages.get("settings.security")).toBe(messages.get("security.title"));
    }
  });

  it("says ログイン/ログアウト in Japanese everywhere, as the sign-in page and header do", () => {
    expect([...jaLeaves].filter(([, text]) => /サインイン|サインアウト/.test(text)).map(([key]) => key)).toEqual([]);
  });

  it("catches a key the code asks for that is missing", () => {
    const source = `const [x, t] = await Promise.all([load(), getTranslations("home")]); t("nope"); t("title");`;
    expect([...translators(source)]).toEqual([["t", "home"]]);
  });
});
