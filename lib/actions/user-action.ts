// The one wrapper every server action goes through: authenticate from the session (never from input),
// apply the action's rate limit and recent-sign-in rule, validate the form with zod, then run.
// Bad input, a refused rate limit or a stale sign-in get a clear outcome, in the person's language, and change nothing.
import "server-only";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { z } from "zod";
import { auth } from "@/auth";
import { confirmUrl, hasRecentSignIn } from "@/lib/auth/recent-sign-in";
import { hitUserRateLimit, rateLimitMessage, type RateLimitRule } from "@/lib/rate-limit";
import { validationMessage } from "./validation";

export type ActionState = { error: string } | { success: string } | null;

export interface UserActionOptions {
  /** Needs a recent sign-in; otherwise the person confirms it's them and comes back to this page. */
  recentSignIn?: string;
  /** Counts against this per-user limit; over it the action is refused. */
  rateLimit?: RateLimitRule;
}

export function userAction<Schema extends z.ZodType<Record<string, unknown>>>(
  schema: Schema,
  run: (input: z.infer<Schema>, userId: string) => Promise<ActionState>,
  options: UserActionOptions = {},
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const userId = (await auth())?.user?.id;
    if (!userId) return { error: (await getTranslations("actions"))("sessionEnded") };
    if (options.rateLimit) {
      const limited = await hitUserRateLimit(options.rateLimit, userId);
      if (!limited.ok) return { error: rateLimitMessage(limited.retryAfterSeconds, await getLocale()) };
    }
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      const { key, values } = validationMessage(parsed.error);
      return { error: (await getTranslations("validation"))(key, values) };
    }
    if (options.recentSignIn !== undefined && !(await hasRecentSignIn(userId))) redirect(confirmUrl(options.recentSignIn));
    return run(parsed.data, userId);
  };
}
