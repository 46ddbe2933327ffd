"use client";
import { useEffect, useState } from "react";

const tones = {
  success: "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
  error: "border-red-200 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  info: "border-sky-200 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100",
} as const;

interface Props {
  tone: keyof typeof tones;
  text: string;
  /** The browser still holds the flash cookie (see lib/flash.ts): delete it now that it is shown. */
  deleteCookie: boolean;
  dismissLabel: string;
}

export function FlashToast({ tone, text, deleteCookie, dismissLabel }: Props) {
  const [open, setOpen] = useState(true);
  useEffect(() => {
    if (deleteCookie) void fetch("/api/flash", { method: "DELETE" }).catch(() => undefined);
  }, [deleteCookie]);
  if (!open) return null;
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid="flash-notice"
      className={`flex items-start justify-between gap-3 rounded-lg border px-4 py-3 text-sm ${tones[tone]}`}
    >
      <p>{text}</p>
      <button
        type="button"
        onClick={() => setOpen(false)}
        aria-label={dismissLabel}
        className="-my-1 -mr-2 shrink-0 rounded-md p-1 opacity-80 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-current"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
          <path d="m5 5 10 10M15 5 5 15" />
        </svg>
      </button>
    </div>
  );
}
