"use client";
// Shown when a page fails to render, e.g. the database is unreachable. Nothing was half-saved:
// every write the app makes is a single statement or a transaction.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <section role="alert" className="mx-auto max-w-md text-center">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t("lead")}</p>
      <Button className="mt-6" onClick={reset}>{t("retry")}</Button>
    </section>
  );
}
