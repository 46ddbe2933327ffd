// The card both sign-in pages sit in: the app's mark and name on top, then the page's content.
import { getTranslations } from "next-intl/server";
import { AppMark } from "@/components/app-mark";

export async function AuthCard({ children }: { children: React.ReactNode }) {
  const meta = await getTranslations("meta");
  return (
    <div className="mx-auto w-full max-w-sm rounded-2xl border border-slate-200 bg-white px-6 py-8 shadow-sm sm:px-8 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-center gap-2 text-sm font-semibold text-slate-700 dark:text-slate-200">
        <AppMark className="size-8" />
        {meta("appName")}
      </div>
      {children}
    </div>
  );
}
