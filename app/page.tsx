import Link from "next/link";
import { redirect } from "next/navigation";
import { auth } from "@/auth";

export default async function HomePage() {
  const session = await auth();
  if (!session?.user) redirect("/sign-in");
  return (
    <section>
      <h1 className="text-2xl font-semibold tracking-tight">Welcome, {session.user.name ?? session.user.email}</h1>
      <p className="mt-2 text-slate-600">You are signed in. Connect more providers to let this app act for you.</p>
      <Link
        href="/settings/accounts"
        className="mt-6 inline-flex rounded-lg bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
      >
        Manage connected accounts
      </Link>
    </section>
  );
}
