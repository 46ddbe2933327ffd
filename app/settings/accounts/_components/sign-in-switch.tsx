"use client";
// "Use to sign in" for one connection: a switch that submits the opposite of its current state.
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/use-form-action";
import { setUseToSignIn } from "../actions";

interface Props {
  connectionId: string;
  enabled: boolean;
}

export function SignInSwitch({ connectionId, enabled }: Props) {
  const t = useTranslations("accounts");
  const [state, formAction, pending] = useFormAction(setUseToSignIn);
  const failed = state !== null && "error" in state;
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
      <input type="hidden" name="connectionId" value={connectionId} />
      <input type="hidden" name="enabled" value={String(!enabled)} />
      <button
        type="submit"
        role="switch"
        aria-checked={enabled}
        aria-label={t("useToSignIn")}
        disabled={pending}
        className={`relative inline-flex h-5 w-9 shrink-0 rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 dark:focus-visible:outline-slate-100 ${enabled ? "bg-slate-900 dark:bg-emerald-500" : "bg-slate-400 dark:bg-slate-600"}`}
      >
        <span aria-hidden className={`absolute top-0.5 size-4 rounded-full bg-white transition-transform ${enabled ? "translate-x-4" : "translate-x-0.5"}`} />
      </button>
      <span aria-hidden>{t("useToSignIn")}</span>
      {failed ? <p role="alert" className="basis-full text-xs text-red-700 dark:text-red-300">{state.error}</p> : null}
    </form>
  );
}
