"use client";
// A one-button form for a server action: shows a pending label while it runs and the outcome after.
import type { ActionState } from "@/lib/actions/user-action";
import { Button } from "./ui/button";
import { useFormAction } from "./use-form-action";

interface Props {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
  /** Outcomes of some actions (API calls) are always a status, success or not. */
  outcomeRole?: "status";
  className?: string;
}

export function ActionForm({ action, fields, label, pendingLabel, variant = "secondary", outcomeRole, className }: Props) {
  const [state, formAction, pending] = useFormAction(action);
  const failed = state !== null && "error" in state;
  return (
    <form action={formAction} className="contents">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending} aria-busy={pending} className={className}>
        {pending ? pendingLabel : label}
      </Button>
      {state ? (
        <p
          role={outcomeRole ?? (failed ? "alert" : "status")}
          className={`basis-full text-sm ${failed ? "text-red-700 dark:text-red-300" : "text-emerald-700 dark:text-emerald-300"}`}
        >
          {failed ? state.error : state.success}
        </p>
      ) : null}
    </form>
  );
}
