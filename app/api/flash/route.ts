// Deletes the flash cookie once <FlashNotice> has shown it (see lib/flash.ts for when that is needed).
import { isSameOrigin } from "@/lib/auth/same-origin";
import { FLASH_COOKIE } from "@/lib/flash-cookie";

export function DELETE(request: Request) {
  if (!isSameOrigin(request)) return new Response(null, { status: 403 });
  return new Response(null, {
    status: 204,
    headers: { "set-cookie": `${FLASH_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`, "cache-control": "no-store" },
  });
}
