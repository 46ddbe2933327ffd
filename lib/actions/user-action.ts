// The one wrapper every server action goes through: authenticate from the session (never from input),
// validate the form with zod, then run. Bad input gets a clear message and changes nothing.
import "server-only";
import type { z } from "zod";
import { auth } from "@/auth";

export type ActionState = { error: string } | { success: string } | null;

export function userAction<Schema extends z.ZodType<Record<string, unknown>>>(
  schema: Schema,
  run: (input: z.infer<Schema>, userId: string) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const userId = (await auth())?.user?.id;
    if (!userId) return { error: "Your session has ended. Please sign in again." };
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "That request was not valid." };
    return run(parsed.data, userId);
  };
}
