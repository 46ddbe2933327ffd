import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { auth } from "@/auth";
import { AppMark } from "./app-mark";
import { LocaleSwitcher } from "./locale-switcher";
import { SignOutButton } from "./sign-out-button";
import { Avatar } from "./ui/avatar";

export async function SiteHeader() {
  const [session, t, meta] = await Promise.all([auth(), getTranslations("header"), getTranslations("meta")]);
  const user = session?.user;
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-3xl items-center justify-between gap-2 px-4 py-3 sm:gap-4 sm:px-6">
        {/* The name is always the link's accessible name; on phones a signed-in header shows only the mark. */}
        <Link
          href="/"
          aria-label={t("home")}
          className="flex shrink-0 items-center gap-2 rounded-lg font-semibold tracking-tight text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 dark:text-white dark:focus-visible:outline-slate-100"
        >
          <AppMark className="size-7" />
          <span className={user ? "hidden sm:inline" : undefined}>{meta("appName")}</span>
        </Link>
        <div className="flex min-w-0 items-center gap-1 text-sm sm:gap-3">
          {user ? (
            <>
              <Link href="/settings/accounts" className="shrink-0 rounded-lg px-2 py-1.5 whitespace-nowrap text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 dark:text-slate-300 dark:hover:text-white dark:focus-visible:outline-slate-100">
                {t("settings")}
              </Link>
              <span className="flex min-w-0 items-center gap-2" data-testid="current-user" title={t("signedInAs", { name: user.name ?? user.email ?? "" })}>
                <Avatar name={user.name ?? user.email ?? "?"} image={user.image} size="sm" />
                <span className="hidden truncate font-medium min-[400px]:inline sm:max-w-48">{user.name ?? user.email}</span>
                <span className="sr-only min-[400px]:hidden">{user.name ?? user.email}</span>
              </span>
              <SignOutButton label={t("signOut")} />
            </>
          ) : null}
          <LocaleSwitcher />
        </div>
      </div>
    </header>
  );
}
