import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { auth } from "@/auth";
import { FlashNotice } from "@/components/flash-notice";

export default async function HomePage() {
  const session = await auth();
  if (!session?.user) redirect("/sign-in");
  const t = await getTranslations("home");
  return (
    <section>
      <FlashNotice className="mb-6" />
      <h1 className="text-2xl font-semibold tracking-tight">{t("title", { name: session.user.name ?? session.user.email ?? "" })}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t("lead")}</p>
      <Link
        href="/settings/accounts"
        className="mt-6 inline-flex rounded-lg bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 dark:bg-white dark:text-slate-900 dark:hover:bg-slate-200 dark:focus-visible:outline-white"
      >
        {t("manage")}
      </Link>
    </section>
  );
}
