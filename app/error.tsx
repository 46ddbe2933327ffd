"use client";
// Shown when a page fails to render, e.g. the database is unreachable. Nothing was half-saved:
// every write the app makes is a single statement or a transaction.
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="mx-auto max-w-md text-center">
      <h1 className="text-2xl font-semibold tracking-tight">This page could not load</h1>
      <p className="mt-2 text-sm text-slate-600">
        We could not reach part of our service just now. Nothing you did was lost or half-saved. Please try again in a
        moment.
      </p>
      <Button className="mt-6" onClick={reset}>Try again</Button>
    </section>
  );
}
