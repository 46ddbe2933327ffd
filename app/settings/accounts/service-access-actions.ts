"use server";
// The "Allow services to use this connection" switch (app/settings/accounts/_components/service-access.tsx).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { auth } from "@/auth";
import { invalid } from "@/lib/actions/validation";
import { setServiceAccess } from "@/lib/accounts/service-access";
import { connectionInput } from "./schemas";

const input = connectionInput.extend({ allow: z.enum(["on", "off"], { message: invalid("chooseOnOff") }) });

/** A plain form action (works before hydration); bad input or another person's connection changes nothing. */
export async function setServiceAccessAction(formData: FormData): Promise<void> {
  const userId = (await auth())?.user?.id;
  if (!userId) return;
  const parsed = input.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  await setServiceAccess(userId, parsed.data.connectionId, parsed.data.allow === "on");
  revalidatePath("/settings/accounts");
}
