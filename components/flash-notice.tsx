// Shows the pending flash notice (lib/flash.ts) once. Place it where a notice belongs on the page.
import { getTranslations } from "next-intl/server";
import { readFlash } from "@/lib/flash";
import { FlashToast } from "./flash-toast";

export async function FlashNotice({ className }: { className?: string }) {
  const pending = await readFlash();
  if (!pending) return null;
  const t = await getTranslations("flash");
  const { flash } = pending;
  return (
    <div className={className}>
      <FlashToast tone={flash.tone} text={t(flash.key, flash.values ?? {})} deleteCookie={pending.stillInCookie} dismissLabel={t("dismiss")} />
    </div>
  );
}
