"use client";
// <RelativeTime date={…} />: "in 4 minutes" / "2 hours ago" in the page's language, kept current, with the
// exact time in the reader's own time zone shown on hover and on keyboard focus (and read as its
// description). The server cannot know the zone, so the exact time appears once the browser has it.
import { useId, useSyncExternalStore } from "react";
import { useLocale } from "next-intl";
import { formatExact, formatRelative } from "@/lib/format-relative";

interface Props {
  /** A Date or an ISO string (server components may pass either). */
  date: Date | string;
  className?: string;
}

/**
 * One clock for every RelativeTime on the page, so neighbouring rows never disagree about "now". It ticks
 * every 30 s while any is mounted. The server renders with its own clock; the browser re-renders with this one.
 */
const clock: { now: number; listeners: Set<() => void>; timer?: ReturnType<typeof setInterval> } = {
  now: Date.now(),
  listeners: new Set(),
};
function subscribeToClock(listener: () => void) {
  clock.listeners.add(listener);
  if (!clock.timer) {
    clock.now = Date.now();
    clock.timer = setInterval(() => {
      clock.now = Date.now();
      clock.listeners.forEach((notify) => notify());
    }, 30_000);
  }
  return () => {
    clock.listeners.delete(listener);
    if (clock.listeners.size === 0) {
      clearInterval(clock.timer);
      clock.timer = undefined;
    }
  };
}
const readClock = () => clock.now;
// On the server each render reads the time afresh (a module-level value would be the server's start time).
const readServerClock = () => (typeof window === "undefined" ? Date.now() : clock.now);
const noSubscription = () => () => {};

export function RelativeTime({ date, className = "" }: Props) {
  const locale = useLocale();
  const when = new Date(date);
  const tooltipId = useId();
  const now = useSyncExternalStore(subscribeToClock, readClock, readServerClock);
  // Only the browser knows the reader's time zone: the exact time appears once hydrated.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const exact = inBrowser ? formatExact(when, locale) : null;
  return (
    <span className="group relative inline-flex">
      <time
        dateTime={when.toISOString()}
        tabIndex={0}
        aria-describedby={exact ? tooltipId : undefined}
        suppressHydrationWarning
        className={`cursor-default rounded underline decoration-dotted underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 dark:focus-visible:outline-slate-100 ${className}`}
      >
        {formatRelative(when, now, locale)}
      </time>
      {exact ? (
        <span
          id={tooltipId}
          role="tooltip"
          className="pointer-events-none invisible absolute right-0 bottom-full z-10 mb-1.5 w-max max-w-64 rounded-md bg-slate-900 px-2 py-1 text-xs font-normal text-white opacity-0 shadow-lg transition-opacity group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100 dark:bg-slate-100 dark:text-slate-900"
        >
          {exact}
        </span>
      ) : null}
    </span>
  );
}
