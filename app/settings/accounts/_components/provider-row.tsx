import { ActionForm } from "@/components/action-form";
import { Avatar } from "@/components/ui/avatar";
import { connectProvider } from "../actions";

/** A provider with no connection yet: one item with "Connect". */
export function ProviderRow({ provider }: { provider: { id: string; name: string } }) {
  const headingId = `provider-${provider.id}`;
  return (
    <li aria-labelledby={headingId} className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-4 p-4 sm:grid-cols-[auto_1fr_14rem] sm:p-5">
      <Avatar name={provider.name} />
      <div className="min-w-0">
        <h2 id={headingId} className="font-medium">{provider.name}</h2>
        <p className="text-sm text-slate-500">Not connected</p>
      </div>
      <div className="col-span-2 flex flex-wrap items-center gap-2 sm:col-span-1 sm:flex-col sm:items-stretch">
        <ActionForm action={connectProvider} fields={{ provider: provider.id }} label="Connect" pendingLabel="Redirecting…" variant="primary" />
      </div>
    </li>
  );
}
