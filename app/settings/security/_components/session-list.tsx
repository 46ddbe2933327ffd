import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { RelativeTime } from "@/components/relative-time";
import type { SessionItem } from "@/lib/auth/sessions";
import { signOutOneSession, signOutOthers } from "../actions";

export async function SessionList({ sessions }: { sessions: SessionItem[] }) {
  const t = await getTranslations("security");
  const others = sessions.filter((session) => !session.current).length;
  return (
    <>
      <ul aria-label={t("sessions")} className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {sessions.map((session) => (
          <li key={session.id} aria-label={session.device} className="flex flex-wrap items-start justify-between gap-3 p-4">
            <div className="min-w-0">
              <p className="text-sm font-medium">
                {session.device}
                {session.current ? (
                  <span className="ml-2 rounded-md bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">{t("thisDevice")}</span>
                ) : null}
              </p>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {t.rich("sessionTimes", {
                  started: () => <RelativeTime date={session.startedAt.toISOString()} />,
                  active: () => <RelativeTime date={session.lastActiveAt.toISOString()} />,
                })}
              </p>
            </div>
            {session.current ? null : (
              <div className="flex flex-wrap items-center gap-2">
                <ActionForm action={signOutOneSession} fields={{ sessionId: session.id }} label={t("signOut")} pendingLabel={t("signingOut")} />
              </div>
            )}
          </li>
        ))}
      </ul>
      {/* Always shown: its outcome message must survive the re-render that removes the other sessions. */}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <ActionForm action={signOutOthers} fields={{}} label={t("signOutOthers")} pendingLabel={t("signingOut")} variant="danger" />
        {others === 0 ? <span className="text-xs text-slate-600 dark:text-slate-400">{t("noOtherSessions")}</span> : null}
      </div>
    </>
  );
}
