import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("footer");
  return (
    <footer className="border-t border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-6 text-sm text-slate-600 sm:px-6 dark:text-slate-400">
        <p>{t("tagline")}</p>
        <Link href="/about" className="font-medium underline-offset-4 hover:underline">{t("about")}</Link>
      </div>
    </footer>
  );
}
