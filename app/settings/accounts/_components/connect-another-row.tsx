import { ActionForm } from "@/components/action-form";
import { connectProvider } from "../actions";

/** Under a provider's connections: add one more account of it (the provider is made to ask who signs in). */
export function ConnectAnotherRow({ provider }: { provider: { id: string; name: string } }) {
  const label = `Connect another ${provider.name} account`;
  return (
    <li aria-label={label} className="flex flex-wrap items-center gap-2 bg-slate-50 px-4 py-3 sm:px-5">
      <ActionForm action={connectProvider} fields={{ provider: provider.id }} label={label} pendingLabel="Redirecting…" />
    </li>
  );
}
