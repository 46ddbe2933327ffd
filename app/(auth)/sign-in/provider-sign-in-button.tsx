import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { clientIp, hitRateLimit } from "@/lib/rate-limit";
import { safeRedirect } from "@/lib/auth/safe-redirect";
import { findProvider } from "@/lib/providers";
import { Button } from "@/components/ui/button";

export function ProviderSignInButton({ providerId, name, redirectTo }: { providerId: string; name: string; redirectTo: string }) {
  return (
    <form
      action={async () => {
        "use server";
        // Values are bound on the server, but check again: a server action is a public endpoint.
        if (!findProvider(providerId)) throw new Error("Unknown provider");
        if (!(await hitRateLimit("sign-in", clientIp(await headers()))).ok) redirect("/sign-in?error=RateLimited");
        await signIn(providerId, { redirectTo: safeRedirect(redirectTo) });
      }}
    >
      <Button type="submit" variant="secondary" className="w-full py-2.5">Continue with {name}</Button>
    </form>
  );
}
