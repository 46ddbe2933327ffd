import type { Metadata } from "next";
import Link from "next/link";
import { findProvider } from "@/lib/providers";

export const metadata: Metadata = { title: "Account deleted" };

export default async function AccountDeletedPage({ searchParams }: { searchParams: Promise<{ failed?: string }> }) {
  const failed = ((await searchParams).failed ?? "")
    .split(",")
    .flatMap((id) => (findProvider(id) ? [findProvider(id)!.name] : []));
  return (
    <section className="mx-auto max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight">Your account was deleted</h1>
      <p className="mt-2 text-sm text-slate-600">Your connections, passkeys, sessions and activity are gone, and you are signed out.</p>
      {failed.length > 0 ? (
        <div role="alert" className="mt-4 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p>We could not revoke this app&apos;s access at:</p>
          <ul aria-label="Failed revocations" className="mt-1 list-disc pl-5">
            {failed.map((name) => <li key={name}>{name}</li>)}
          </ul>
          <p className="mt-1">Remove the app in those providers&apos; settings to be sure.</p>
        </div>
      ) : (
        <p role="status" className="mt-4 text-sm text-emerald-700">Access was revoked at every connected provider.</p>
      )}
      <Link href="/sign-in" className="mt-6 inline-block text-sm font-medium underline">Back to sign in</Link>
    </section>
  );
}
