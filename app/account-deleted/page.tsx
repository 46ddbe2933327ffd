import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { findProvider } from "@/lib/providers";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accountDeleted"))("title") };
}

export default async function AccountDeletedPage({ searchParams }: { searchParams: Promise<{ failed?: string }> }) {
  const t = await getTranslations("accountDeleted");
  const failed = ((await searchParams).failed ?? "")
    .split(",")
    .flatMap((id) => (findProvider(id) ? [findProvider(id)!.name] : []));
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t("lead")}</p>
      {failed.length > 0 ? (
        <div role="alert" className="mt-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
          <p>{t("failedIntro")}</p>
          <ul aria-label={t("failedList")} className="mt-1 list-disc pl-5">
            {failed.map((name) => <li key={name}>{name}</li>)}
          </ul>
          <p className="mt-1">{t("failedHelp")}</p>
        </div>
      ) : (
        <p role="status" className="mt-4 text-sm text-emerald-700 dark:text-emerald-300">{t("allRevoked")}</p>
      )}
      <Link href="/sign-in" className="mt-6 inline-block text-sm font-medium underline">{t("backToSignIn")}</Link>
    </section>
  );
}
