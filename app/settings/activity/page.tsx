import type { Metadata } from "next";
import Link from "next/link";
import { activityLabels, listActivity, type ActivityType } from "@/lib/activity";
import { requireUser } from "@/lib/auth/require-user";
import { findProvider } from "@/lib/providers";

export const metadata: Metadata = { title: "Activity" };

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function ActivityPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser("/settings/activity");
  const requested = Number((await searchParams).page ?? "1");
  const page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1;
  const { events, pages } = await listActivity(user.id, page);
  return (
    <section>
      <h1 className="text-2xl font-semibold tracking-tight">Activity</h1>
      <p className="mt-1 text-sm text-slate-600">Security events on your account, newest first.</p>
      <ol aria-label="Security events" className="mt-6 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
        {events.map((event) => (
          <li key={event.id} className="flex flex-col gap-0.5 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between">
            <span className="text-sm">
              <span className="font-medium">{activityLabels[event.type as ActivityType] ?? event.type}</span>
              {event.provider ? <span className="text-slate-600"> · {findProvider(event.provider)?.name ?? event.provider}</span> : null}
              {event.detail ? <span className="block text-xs text-slate-500">{event.detail}</span> : null}
            </span>
            <time dateTime={event.createdAt.toISOString()} className="shrink-0 text-xs text-slate-500">{time.format(event.createdAt)} UTC</time>
          </li>
        ))}
        {events.length === 0 ? <li className="px-4 py-6 text-sm text-slate-500">No activity yet.</li> : null}
      </ol>
      {pages > 1 ? (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
          {page > 1 ? <Link href={`?page=${page - 1}`} className="font-medium underline">Newer</Link> : <span />}
          <span className="text-slate-500">Page {page} of {pages}</span>
          {page < pages ? <Link href={`?page=${page + 1}`} className="font-medium underline">Older</Link> : <span />}
        </nav>
      ) : null}
    </section>
  );
}
