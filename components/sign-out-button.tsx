import { signOut } from "@/auth";
import { Button } from "./ui/button";

export function SignOutButton() {
  return (
    <form
      action={async () => {
        "use server";
        await signOut({ redirectTo: "/sign-in" });
      }}
    >
      <Button variant="secondary" type="submit" className="px-3 py-1.5">Sign out</Button>
    </form>
  );
}
