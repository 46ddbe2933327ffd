"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const tabs = [
  { href: "/settings/accounts", key: "accounts" },
  { href: "/settings/activity", key: "activity" },
  { href: "/settings/security", key: "security" },
] as const;

export function SettingsNav() {
  const pathname = usePathname();
  const t = useTranslations("settings");
  return (
    <nav aria-label={t("navLabel")} className="flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800">
      {tabs.map((tab) => {
        const current = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={current ? "page" : undefined}
            className={`-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-slate-900 dark:focus-visible:outline-slate-100 ${current ? "border-slate-900 text-slate-900 dark:border-white dark:text-white" : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white"}`}
          >
            {t(tab.key)}
          </Link>
        );
      })}
    </nav>
  );
}
