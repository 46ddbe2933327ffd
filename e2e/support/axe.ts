// axe-core, injected into the page under test (evaluate, so no page's CSP can block it).
import { readFileSync } from "node:fs";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";

const axeSource = readFileSync("node_modules/axe-core/axe.min.js", "utf8");

/** One line per violation: rule, help text and the offending elements. Empty means none. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Colours mid-transition (e.g. a button's hover fade) would give false contrast results.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
  // After a server action that revalidates the page, Next.js puts the <title> back a moment after the new content:
  // wait for it (a page that never gets one still fails, by this wait's timeout) rather than report it missing.
  await page.waitForFunction(() => document.title !== "");
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(() => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } };
    return axe.run(document, { resultTypes: ["violations"] });
  });
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((node) => `${node.target.join(" ")} ${node.failureSummary ?? ""}`).join(" | ")}`,
  );
}
