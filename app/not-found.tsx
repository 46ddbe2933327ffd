import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <section className="mx-auto max-w-md text-center">
      <h1 className="text-2xl font-semibold tracking-tight">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t("notFoundLead")}</p>
      <Link href="/" className="mt-6 inline-flex text-sm font-medium underline underline-offset-4">{t("goHome")}</Link>
    </section>
  );
}
