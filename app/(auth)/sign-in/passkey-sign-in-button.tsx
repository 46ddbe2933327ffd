"use client";
// "Sign in with a passkey": the browser's WebAuthn prompt, verified by Auth.js's Passkey provider.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { signIn } from "next-auth/webauthn";
import { Button } from "@/components/ui/button";

export function PasskeySignInButton({ redirectTo }: { redirectTo: string }) {
  const [pending, setPending] = useState(false);
  const router = useRouter();
  const t = useTranslations("signIn");
  async function start() {
    setPending(true);
    try {
      await signIn("passkey", { action: "authenticate", redirectTo });
    } catch {
      // The person cancelled the prompt, or the browser has no passkey for this site.
      setPending(false);
      router.replace("/sign-in?error=PasskeyFailed");
    }
  }
  return (
    <Button type="button" variant="secondary" className="w-full py-2.5" disabled={pending} aria-busy={pending} onClick={start}>
      {pending ? t("waitingForPasskey") : t("passkey")}
    </Button>
  );
}
