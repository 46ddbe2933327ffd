// Auth.js reports failures as an `error` code on the sign-in page. This maps a code to the message key
// (messages/*.json → signInErrors) the page shows, translated at render.
import type en from "@/messages/en.json";

export type SignInErrorKey = keyof (typeof en)["signInErrors"];

const known: readonly SignInErrorKey[] = [
  "OAuthAccountNotLinked", "EmailInUse", "AccessDenied", "OAuthCallbackError", "OAuthSignin",
  "CallbackRouteError", "InvalidCheck", "Configuration", "Verification", "ConnectOnly", "SignInDisabled",
  "RateLimited", "WebAuthnVerificationError", "PasskeyFailed",
];

export function signInErrorKey(code: string | undefined): SignInErrorKey | undefined {
  if (!code) return undefined;
  return known.find((key) => key === code) ?? "default";
}
