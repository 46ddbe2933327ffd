// Input rules for the connected-accounts actions (kept apart: a "use server" file may only export actions).
import { z } from "zod";
import { LABEL_MAX_LENGTH } from "@/lib/accounts/connection-settings";
import { findProvider } from "@/lib/providers";

export const providerInput = z.object({
  provider: z
    .string({ message: "Choose a provider." })
    .max(64, "Unknown provider.")
    .refine((id) => findProvider(id) !== undefined, "Unknown provider."),
});

/** Every action on an existing connection names it by its id (an Account row id). */
const connectionId = z
  .string({ message: "Choose an account." })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "That account id is not valid.");

export const connectionInput = z.object({ connectionId });

export const labelInput = z.object({
  connectionId,
  label: z.string({ message: "Enter a label." }).max(LABEL_MAX_LENGTH, `Labels are at most ${LABEL_MAX_LENGTH} characters.`),
});

export const signInSwitchInput = z.object({
  connectionId,
  enabled: z.enum(["true", "false"], { message: "Choose on or off." }).transform((value) => value === "true"),
});
