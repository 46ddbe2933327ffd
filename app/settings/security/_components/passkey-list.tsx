import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { RelativeTime } from "@/components/relative-time";
import type { PasskeyItem } from "@/lib/auth/passkeys";
import { removePasskey } from "../actions";
import { RenamePasskeyForm } from "./rename-passkey-form";

export async function PasskeyList({ passkeys }: { passkeys: PasskeyItem[] }) {
  const t = await getTranslations("security");
  if (passkeys.length === 0) return <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">{t("noPasskeys")}</p>;
  return (
    <ul aria-label={t("passkeys")} className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {passkeys.map(({ lastUsedAt, ...passkey }) => (
        <li key={passkey.id} aria-label={passkey.name} className="flex flex-wrap items-start justify-between gap-3 p-4">
          <div className="min-w-0 space-y-1">
            <RenamePasskeyForm passkeyId={passkey.id} name={passkey.name} />
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {t.rich("added", { when: () => <RelativeTime date={passkey.createdAt.toISOString()} /> })} ·{" "}
              {lastUsedAt
                ? t.rich("lastUsed", { when: () => <RelativeTime date={lastUsedAt.toISOString()} /> })
                : t("neverUsed")}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <ActionForm action={removePasskey} fields={{ passkeyId: passkey.id }} label={t("remove")} pendingLabel={t("removing")} variant="danger" />
          </div>
        </li>
      ))}
    </ul>
  );
}
