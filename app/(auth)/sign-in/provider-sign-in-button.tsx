import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { markPendingLinkConfirmation } from "@/lib/auth/flow-cookies";
import { clientIp, hitRateLimit } from "@/lib/rate-limit";
import { getLocale, getTranslations } from "next-intl/server";
import { ProviderLogo } from "@/components/provider-logo";
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

export async function ProviderSignInButton({ providerId, name, redirectTo, confirmsPendingLink = false }: Props) {
  const t = await getTranslations("signIn");
  return (
    <form
      action={async () => {
        "use server";
        // Values are bound on the server, but check again: a server action is a public endpoint.
        const provider = findProvider(providerId);
        if (!provider || provider.connectOnly) throw new Error("Unknown provider");
        if (!(await hitRateLimit("sign-in", clientIp(await headers()))).ok) redirect("/sign-in?error=RateLimited");
        if (confirmsPendingLink) await markPendingLinkConfirmation();
        // ui_locales (OpenID Connect): the provider's login page speaks the person's language too.
        await signIn(providerId, { redirectTo: safeRedirect(redirectTo) }, { ui_locales: await getLocale() });
      }}
    >
      <Button type="submit" variant="secondary" className="relative w-full py-2.5">
        <ProviderLogo id={providerId} logo={findProvider(providerId)?.logo} className="absolute left-4 size-5" />
        {t("continueWith", { provider: name })}
      </Button>
    </form>
  );
}
