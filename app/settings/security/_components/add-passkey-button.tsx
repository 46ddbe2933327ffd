"use client";
// "Add a passkey": check the recent sign-in first (the server may send the person to "Confirm it's you"),
// then the browser's WebAuthn prompt, registered by Auth.js's Passkey provider.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/webauthn";
import { Button } from "@/components/ui/button";
import { prepareAddPasskey } from "../actions";

export function AddPasskeyButton() {
  const t = useTranslations("security");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ error: boolean; text: string } | null>(null);
  async function add() {
    setPending(true);
    setOutcome(null);
    try {
      const ready = await prepareAddPasskey(null, new FormData());
      // No answer: the server is sending this page to "Confirm it's you".
      if (!ready) return;
      if ("error" in ready) {
        setOutcome({ error: true, text: ready.error });
        return;
      }
      const result = await signIn("passkey", { action: "register", redirect: false });
      if (!result?.ok || result.error) throw new Error("registration failed");
      setOutcome({ error: false, text: t("passkeyAdded") });
      router.refresh();
    } catch {
      setOutcome({ error: true, text: t("passkeyNotAdded") });
    } finally {
      setPending(false);
    }
  }
  return (
    <div className="flex flex-col items-end gap-1">
      <Button type="button" onClick={add} disabled={pending} aria-busy={pending}>{pending ? t("waitingForPasskey") : t("addPasskey")}</Button>
      {outcome ? <p role={outcome.error ? "alert" : "status"} className={`text-sm ${outcome.error ? "text-red-700 dark:text-red-300" : "text-emerald-700 dark:text-emerald-300"}`}>{outcome.text}</p> : null}
    </div>
  );
}
