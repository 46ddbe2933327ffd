"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/webauthn";
import { Button } from "@/components/ui/button";
import { startPasskeyConfirm } from "./actions";

export function PasskeyConfirmButton({ returnTo }: { returnTo: string }) {
  const t = useTranslations("confirm");
  const tSecurity = useTranslations("security");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function confirm() {
    setPending(true);
    setError(null);
    try {
      const form = new FormData();
      form.set("returnTo", returnTo);
      const ready = await startPasskeyConfirm(null, form);
      if (!ready || "error" in ready) throw new Error("not ready");
      // Explicitly "authenticate": signed in, Auth.js would otherwise offer to register a new passkey.
      const result = await signIn("passkey", { action: "authenticate", redirect: false, redirectTo: returnTo });
      if (!result?.ok || result.error) throw new Error("refused");
      window.location.assign(returnTo);
    } catch {
      setError(t("passkeyFailed"));
      setPending(false);
    }
  }
  return (
    <div className="flex flex-col gap-1">
      <Button type="button" variant="secondary" className="w-full" onClick={confirm} disabled={pending} aria-busy={pending}>
        {pending ? tSecurity("waitingForPasskey") : t("usePasskey")}
      </Button>
      {error ? <p role="alert" className="text-sm text-red-700 dark:text-red-300">{error}</p> : null}
    </div>
  );
}
