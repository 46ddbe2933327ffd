// The message shown after a redirect back to /settings/accounts (?notice= or ?error=).
import { findProvider } from "@/lib/providers";

export function pageNotice(params: { notice?: string; error?: string; provider?: string; as?: string }) {
  const name = (params.provider && findProvider(params.provider)?.name) || "That provider";
  switch (params.notice) {
    case "connected": return { tone: "success", text: `${name} is connected.` } as const;
    case "access-updated": return { tone: "success", text: `${name} access was updated.` } as const;
    case "link-cancelled": return { tone: "success", text: "Nothing was linked; the request was cancelled." } as const;
    case "linked": return { tone: "success", text: `${name} is now linked to your account.` } as const;
    case "disconnected-revoked": return { tone: "success", text: `${name} was disconnected and its access revoked.` } as const;
    case "disconnected-unsupported":
      return { tone: "success", text: `${name} was disconnected. ${name} offers no way to revoke access from here; you can remove the app in your ${name} settings.` } as const;
    case "disconnected-impossible":
      return { tone: "error", text: `${name} was disconnected. Its stored access could not be read, so it was not revoked at ${name}: remove the app in your ${name} settings.` } as const;
    case "disconnected-failed":
      return { tone: "error", text: `${name} was disconnected, but revoking its access at ${name} failed. Remove the app in your ${name} settings to be sure; the failure is in your activity log.` } as const;
  }
  switch (params.error) {
    case "owned-by-other":
      return { tone: "error", text: `That ${name} account is already connected to a different user. Nothing was changed.` } as const;
    case "not-requested":
      return { tone: "error", text: `${name} was not connected because the request did not start from this page. Use Connect to try again.` } as const;
    case "different-identity": {
      const who = params.as?.slice(0, 100) || "another account";
      return {
        tone: "error",
        text: `You signed in to ${name} as ${who}, which is not the account you chose. Nothing was changed. To add ${who}, use Connect another ${name} account.`,
      } as const;
    }
    case "not-found":
      return { tone: "error", text: `That ${name} account is no longer connected. Nothing was changed.` } as const;
    case "link-expired":
      return { tone: "error", text: "The pending link expired or was already used. Sign in with that provider again to retry." } as const;
    case "link-wrong-user":
      return { tone: "error", text: "You signed in as a different user, so the pending account was not linked." } as const;
  }
  return null;
}
