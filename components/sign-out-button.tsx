import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { signOut } from "@/auth";
import { clearConnectIntent, clearPendingLinkCookie, takeSignedInWith } from "@/lib/auth/flow-cookies";
import { providerSignOutUrl } from "@/lib/auth/provider-sign-out";
import { env } from "@/lib/env";
import { Button } from "./ui/button";

async function signOutEverywhere() {
  "use server";
  const providerId = await takeSignedInWith();
  await signOut({ redirect: false });
  // Nothing started in this browser outlives the session: a pending link or connect intent is for this person only.
  await clearPendingLinkCookie();
  await clearConnectIntent();
  const request = await headers();
  const origin = new URL(env.AUTH_URL ?? `${request.get("x-forwarded-proto") ?? "http"}://${request.get("host")}`).origin;
  redirect((await providerSignOutUrl(providerId, origin)) ?? "/sign-in");
}

export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutEverywhere} className="shrink-0">
      <Button variant="secondary" type="submit" className="px-3 py-1.5 whitespace-nowrap">{label}</Button>
    </form>
  );
}
