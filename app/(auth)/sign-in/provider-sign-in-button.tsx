import { getLocale, getTranslations } from "next-intl/server";
import { signIn } from "@/auth";
import { ProviderLogo } from "@/components/provider-logo";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { findProvider } from "@/lib/providers";
import { Button } from "@/components/ui/button";

export async function ProviderSignInButton({ providerId, name, redirectTo }: { providerId: string; name: string; redirectTo: string }) {
  const t = await getTranslations("signIn");
  return (
    <form
      action={async () => {
        "use server";
        // Values are bound on the server, but check again: a server action is a public endpoint.
        if (!findProvider(providerId)) throw new Error("Unknown provider");
        // ui_locales (OpenID Connect): the provider's login page speaks the person's language too.
        await signIn(providerId, { redirectTo: safeRedirect(redirectTo) }, { ui_locales: await getLocale() });
      }}
    >
      <Button type="submit" variant="secondary" className="relative w-full py-2.5">
        <ProviderLogo id={providerId} className="absolute left-4 size-5" />
        {t("continueWith", { provider: name })}
      </Button>
    </form>
  );
}
