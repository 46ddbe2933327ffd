// A public page about the app. It reads neither the session nor the database, so it also serves as the
// baseline `npm run bench` compares the authenticated settings page against (see bench/README.md).
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "About" };

// Rendered per request like the settings pages, so the benchmark compares render work with render work.
export const dynamic = "force-dynamic";

const features = [
  ["One account, every provider", "Sign in once, then connect GitHub, Google, Hugging Face, X, Logto or any OpenID Connect issuer to that account."],
  ["Safe linking", "A provider account is only attached to you when you ask for it; one that belongs to someone else is refused."],
  ["Tokens stay on the server", "Provider tokens are encrypted at rest and never sent to the browser."],
  ["Refresh exactly once", "Expiring tokens are refreshed by a single caller, even when many servers need them at the same moment."],
  ["Disconnect for real", "Disconnecting revokes access at the provider and never removes your last way to sign in."],
] as const;

export default function AboutPage() {
  return (
    <section>
      <h1 className="text-2xl font-semibold tracking-tight">About Connected Accounts</h1>
      <p className="mt-2 text-slate-600">
        Connected Accounts lets you keep one account here and link the identity providers you already use, see the
        health of each connection, and let this app call their APIs on your behalf.
      </p>
      <ul className="mt-6 space-y-3">
        {features.map(([title, text]) => (
          <li key={title} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
            <h2 className="font-medium">{title}</h2>
            <p className="mt-0.5 text-sm text-slate-600">{text}</p>
          </li>
        ))}
      </ul>
      <Link
        href="/sign-in"
        className="mt-6 inline-flex rounded-lg bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
      >
        Sign in
      </Link>
    </section>
  );
}
