import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { markPendingLinkConfirmation } from "@/lib/auth/flow-cookies";
import { clientIp, hitRateLimit } from "@/lib/rate-limit";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { findProvider } from "@/lib/providers";
import { Button } from "@/components/ui/button";

interface Props {
  providerId: string;
  name: string;
  redirectTo: string;
  /** On the pending-link page: this sign-in confirms the pending link, so it must survive the sign-in. */
  confirmsPendingLink?: boolean;
}

export function ProviderSignInButton({ providerId, name, redirectTo, confirmsPendingLink = false }: Props) {
  return (
    <form
      action={async () => {
        "use server";
        // Values are bound on the server, but check again: a server action is a public endpoint.
        const provider = findProvider(providerId);
        if (!provider || provider.connectOnly) throw new Error("Unknown provider");
        if (!(await hitRateLimit("sign-in", clientIp(await headers()))).ok) redirect("/sign-in?error=RateLimited");
        if (confirmsPendingLink) await markPendingLinkConfirmation();
        await signIn(providerId, { redirectTo: safeRedirect(redirectTo) });
      }}
    >
      <Button type="submit" variant="secondary" className="w-full py-2.5">Continue with {name}</Button>
    </form>
  );
}
