import { ActionForm } from "@/components/action-form";
import type { SessionItem } from "@/lib/auth/sessions";
import { signOutOneSession, signOutOthers } from "../actions";

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function SessionList({ sessions }: { sessions: SessionItem[] }) {
  const others = sessions.filter((session) => !session.current).length;
  return (
    <>
      <ul aria-label="Sessions" className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
        {sessions.map((session) => (
          <li key={session.id} aria-label={session.device} className="flex flex-wrap items-start justify-between gap-3 p-4">
            <div className="min-w-0">
              <p className="text-sm font-medium">
                {session.device}
                {session.current ? <span className="ml-2 rounded-md bg-emerald-50 px-2 py-0.5 text-xs font-medium text-emerald-800">This device</span> : null}
              </p>
              <p className="text-xs text-slate-500">
                Started {time.format(session.startedAt)} UTC · Last active {time.format(session.lastActiveAt)} UTC
              </p>
            </div>
            {session.current ? null : (
              <div className="flex flex-wrap items-center gap-2">
                <ActionForm action={signOutOneSession} fields={{ sessionId: session.id }} label="Sign out" pendingLabel="Signing out…" />
              </div>
            )}
          </li>
        ))}
      </ul>
      {/* Always shown: its outcome message must survive the re-render that removes the other sessions. */}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <ActionForm action={signOutOthers} fields={{}} label="Sign out of all other sessions" pendingLabel="Signing out…" variant="danger" />
        {others === 0 ? <span className="text-xs text-slate-500">No other sessions right now.</span> : null}
      </div>
    </>
  );
}
