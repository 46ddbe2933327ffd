// Per connection: the person's switch for outside services (off by default) and the services that used it.
import type { Connection } from "@/lib/accounts/connections";
import { formatRelative } from "@/lib/format-relative";
import { setServiceAccessAction } from "../service-access-actions";
import type { AccountsTranslator } from "./translator";

/** Server time: this line is rendered on the server only. */
const ago = (when: Date, locale: string) => formatRelative(when, Date.now(), locale);

interface Props {
  connectionId: string;
  access: Connection["services"];
  t: AccountsTranslator;
  locale: string;
}

/** The consent switch and usage line of one connection, from the settings page's one accounts read. */
export function ServiceAccess({ connectionId, access, t, locale }: Props) {
  const labelId = `services-${connectionId}`;
  return (
    <div className="mt-3 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-800/60" data-testid="service-access">
      <form action={setServiceAccessAction} className="flex items-center gap-3">
        <input type="hidden" name="connectionId" value={connectionId} />
        <input type="hidden" name="allow" value={access.allowed ? "off" : "on"} />
        <button
          type="submit"
          role="switch"
          aria-checked={access.allowed}
          aria-labelledby={labelId}
          className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 dark:focus-visible:outline-slate-100 ${access.allowed ? "bg-emerald-600" : "bg-slate-400 dark:bg-slate-600"}`}
        >
          <span className={`inline-block h-4 w-4 rounded-full bg-white shadow transition-transform ${access.allowed ? "translate-x-4" : "translate-x-0.5"}`} />
        </button>
        <span id={labelId} className="text-slate-800 dark:text-slate-200">{t("allowServices")}</span>
      </form>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-testid="service-usage">
        {access.uses.length === 0
          ? t("noServiceUse")
          : t("usedBy", { uses: access.uses.map((use) => `${use.serviceName}${use.revoked ? ` ${t("keyRevoked")}` : ""} ${ago(use.lastUsedAt, locale)}`).join(", ") })}
      </p>
    </div>
  );
}
