import { ActionForm } from "@/components/action-form";
import { connectProvider } from "../actions";
import type { AccountsTranslator } from "./translator";

/** Under a provider's connections: add one more account of it (the provider is made to ask who signs in). */
export function ConnectAnotherRow({ provider, t }: { provider: { id: string; name: string }; t: AccountsTranslator }) {
  const label = t("connectAnother", { provider: provider.name });
  return (
    <li aria-label={label} className="flex flex-col gap-2 bg-slate-50 px-4 py-3 sm:flex-row sm:flex-wrap sm:items-center sm:px-5 dark:bg-slate-900/60">
      <ActionForm action={connectProvider} fields={{ provider: provider.id }} label={label} pendingLabel={t("redirecting")} className="w-full px-3 py-1.5 sm:w-auto" />
    </li>
  );
}
