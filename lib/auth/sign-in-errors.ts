// Auth.js reports failures as an `error` code on the sign-in page; these are the words a person sees.
const messages: Record<string, string> = {
  OAuthAccountNotLinked: "That account is already connected to a different user.",
  EmailInUse:
    "An account with this email already exists. Sign in the way you did before, then connect this provider from Settings.",
  ConnectOnly:
    "That provider can only be connected to an account, not used to sign in. Sign in another way, then connect it from Settings → Connected accounts.",
  SignInDisabled:
    "Signing in with that account is turned off. Sign in another way; you can turn it back on in Settings → Connected accounts.",
  AccessDenied: "Sign-in was refused.",
  OAuthCallbackError: "The provider did not complete the sign-in. Please try again.",
  OAuthSignin: "We could not start sign-in with that provider. Please try again.",
  CallbackRouteError: "Sign-in could not be completed. Please start again.",
  InvalidCheck: "Sign-in expired or was already used. Please start again.",
  Configuration: "Sign-in is not configured correctly on this server.",
  Verification: "That sign-in link is no longer valid.",
  RateLimited: "Too many sign-in attempts from your network. Nothing was changed. Please wait a few minutes and try again.",
  WebAuthnVerificationError: "That passkey could not be verified. Please try again.",
  PasskeyFailed: "Signing in with a passkey did not work. Try again, or use another way to sign in.",
};

export function signInErrorMessage(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return messages[code] ?? "Something went wrong while signing in. Please try again.";
}
