import { ActionForm } from "@/components/action-form";
import { ProviderLogo } from "@/components/provider-logo";
import type { ProviderLogoMark } from "@/lib/providers/logo";
import { connectProvider } from "../actions";
import type { AccountsTranslator } from "./translator";

/** A provider with no connection yet: one item with "Connect". */
export function ProviderRow({ provider, t }: { provider: { id: string; name: string; logo: ProviderLogoMark }; t: AccountsTranslator }) {
  const headingId = `provider-${provider.id}`;
  return (
    <li aria-labelledby={headingId} className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-4 gap-y-3 p-4 sm:grid-cols-[auto_minmax(0,1fr)_auto] sm:p-5">
      <span className="flex size-10 items-center justify-center rounded-lg bg-slate-100 dark:bg-slate-800">
        <ProviderLogo id={provider.id} logo={provider.logo} className="size-6" />
      </span>
      <div className="min-w-0">
        <h2 id={headingId} className="font-medium">{provider.name}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">{t("notConnected")}</p>
      </div>
      <div className="col-span-full flex flex-col gap-2 sm:col-span-1 sm:flex-row">
        <ActionForm action={connectProvider} fields={{ provider: provider.id }} label={t("connect")} pendingLabel={t("redirecting")} variant="primary" className="w-full px-3 py-1.5 sm:w-auto" />
      </div>
    </li>
  );
}
