// Switches the language for this browser: a cookie, so URLs stay the same in every language.
// Setting a cookie in a server action makes Next.js render the current page again, now in the new language.
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/i18n/locales";

async function setLocale(formData: FormData) {
  "use server";
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
}

export async function LocaleSwitcher() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("locale")]);
  const other: Locale = locale === "ja" ? "en" : "ja";
  return (
    <form action={setLocale} className="shrink-0">
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        title={t("switchTo", { language: t(other) })}
        className="inline-flex items-center gap-1.5 rounded-lg px-2 py-1.5 text-sm font-medium whitespace-nowrap text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white dark:focus-visible:outline-slate-100"
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" className="size-4">
          <circle cx="10" cy="10" r="7.5" />
          <path d="M2.5 10h15M10 2.5c2 2.2 3 4.7 3 7.5s-1 5.3-3 7.5c-2-2.2-3-4.7-3-7.5s1-5.3 3-7.5Z" />
        </svg>
        {t(other)}
      </button>
    </form>
  );
}
