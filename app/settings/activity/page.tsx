import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RelativeTime } from "@/components/relative-time";
import { isActivityType, listActivity, readActivityDetail } from "@/lib/activity";
import { requireUser } from "@/lib/auth/require-user";
import { findProvider } from "@/lib/providers";
import { rateLimits } from "@/lib/rate-limit";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity"))("title") };
}

type ActivityTranslator = Awaited<ReturnType<typeof getTranslations<"activity">>>;

/** An entry's detail in the reader's language; older rows stored English text, shown as it is. */
function detailText(stored: string, t: ActivityTranslator) {
  const detail = readActivityDetail(stored);
  if ("text" in detail) return detail.text;
  const { rule } = detail.values;
  const action = typeof rule === "string" && Object.hasOwn(rateLimits, rule) ? t(`limits.${rule as keyof typeof rateLimits}`) : "";
  return t(`details.${detail.key}`, { ...detail.values, action });
}

export default async function ActivityPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser("/settings/activity");
  const requested = Number((await searchParams).page ?? "1");
  const page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1;
  const [{ events, pages }, t] = await Promise.all([listActivity(user.id, page), getTranslations("activity")]);
  return (
    <section>
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("lead")}</p>
      <ol aria-label={t("listLabel")} className="mt-6 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {events.map((event) => (
          <li key={event.id} className="flex flex-col gap-0.5 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between">
            <span className="text-sm">
              <span className="font-medium">{t(`types.${isActivityType(event.type) ? event.type : "unknown"}`)}</span>
              {event.provider ? <span className="text-slate-600 dark:text-slate-400"> · {findProvider(event.provider)?.name ?? event.provider}</span> : null}
              {event.detail ? <span className="block text-xs text-slate-600 dark:text-slate-400">{detailText(event.detail, t)}</span> : null}
            </span>
            <span className="shrink-0 text-xs text-slate-600 dark:text-slate-400">
              <RelativeTime date={event.createdAt} />
            </span>
          </li>
        ))}
        {events.length === 0 ? <li className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400">{t("empty")}</li> : null}
      </ol>
      {pages > 1 ? (
        <nav aria-label={t("pages")} className="mt-4 flex items-center justify-between text-sm">
          {page > 1 ? <Link href={`?page=${page - 1}`} className="font-medium underline underline-offset-4">{t("newer")}</Link> : <span />}
          <span className="text-slate-600 dark:text-slate-400">{t("pageOf", { page, pages })}</span>
          {page < pages ? <Link href={`?page=${page + 1}`} className="font-medium underline underline-offset-4">{t("older")}</Link> : <span />}
        </nav>
      ) : null}
    </section>
  );
}
