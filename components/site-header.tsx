import Link from "next/link";
import { auth } from "@/auth";
import { SignOutButton } from "./sign-out-button";
import { Avatar } from "./ui/avatar";

export async function SiteHeader() {
  const session = await auth();
  const user = session?.user;
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-slate-900">
          <span aria-hidden className="grid size-7 place-items-center rounded-lg bg-slate-900 text-xs text-white">CA</span>
          <span className="hidden sm:inline">Connected Accounts</span>
        </Link>
        {user ? (
          <nav className="flex min-w-0 items-center gap-3 text-sm">
            <Link href="/settings/accounts" className="text-slate-600 hover:text-slate-900">Settings</Link>
            <span className="flex min-w-0 items-center gap-2" data-testid="current-user">
              <Avatar name={user.name ?? user.email ?? "?"} image={user.image} size="sm" />
              <span className="truncate font-medium">{user.name ?? user.email}</span>
            </span>
            <SignOutButton />
          </nav>
        ) : null}
      </div>
    </header>
  );
}
