import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { deletionConfirmation } from "@/lib/accounts/delete-account";
import { currentSessionToken } from "@/lib/auth/current-session";
import { listPasskeys } from "@/lib/auth/passkeys";
import { requireUser } from "@/lib/auth/require-user";
import { listSessions } from "@/lib/auth/sessions";
import { AddPasskeyButton } from "./_components/add-passkey-button";
import { DeleteAccountDialog } from "./_components/delete-account-dialog";
import { PasskeyList } from "./_components/passkey-list";
import { SessionList } from "./_components/session-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("title") };
}

export default async function SecurityPage() {
  const user = await requireUser("/settings/security");
  const [passkeys, sessions, t] = await Promise.all([
    listPasskeys(user.id), listSessions(user.id, await currentSessionToken(), await getLocale()), getTranslations("security"),
  ]);
  return (
    <section className="space-y-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
      </div>
      <section aria-labelledby="passkeys-heading">
        <div className="flex items-center justify-between gap-4">
          <h2 id="passkeys-heading" className="text-lg font-semibold">{t("passkeys")}</h2>
          <AddPasskeyButton />
        </div>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("passkeysIntro")}</p>
        <PasskeyList passkeys={passkeys} />
      </section>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="text-lg font-semibold">{t("sessions")}</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("sessionsIntro")}</p>
        <SessionList sessions={sessions} />
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading" className="text-lg font-semibold">{t("deleteHeading")}</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t("deleteIntro")}</p>
        <DeleteAccountDialog confirmation={deletionConfirmation(user.email)} />
      </section>
    </section>
  );
}
