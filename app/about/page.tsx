// A public page about the app. It reads neither the session nor the database, so it also serves as the
// baseline `npm run bench` compares the authenticated settings page against (see bench/README.md).
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("about"))("title") };
}

// Rendered per request like the settings pages, so the benchmark compares render work with render work.
export const dynamic = "force-dynamic";

const features = ["oneAccount", "safeLinking", "tokens", "refresh", "disconnect"] as const;

export default async function AboutPage() {
  const t = await getTranslations("about");
  return (
    <section>
      <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t("lead")}</p>
      <ul className="mt-6 space-y-3">
        {features.map((feature) => (
          <li key={feature} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
            <h2 className="font-medium">{t(`features.${feature}.title`)}</h2>
            <p className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">{t(`features.${feature}.text`)}</p>
          </li>
        ))}
      </ul>
      <Link
        href="/sign-in"
        className="mt-6 inline-flex rounded-lg bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200 dark:focus-visible:outline-white"
      >
        {t("signIn")}
      </Link>
    </section>
  );
}
