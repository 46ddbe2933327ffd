// Input rules for the connected-accounts actions (kept apart: a "use server" file may only export actions).
// Messages are keys of messages/*.json → validation, translated by userAction.
import { z } from "zod";
import { invalid } from "@/lib/actions/validation";
import { LABEL_MAX_LENGTH } from "@/lib/accounts/connection-settings";
import { findProvider } from "@/lib/providers";

export const providerInput = z.object({
  provider: z
    .string({ message: invalid("chooseProvider") })
    .max(64, invalid("unknownProvider"))
    .refine((id) => findProvider(id) !== undefined, invalid("unknownProvider")),
});

/** Every action on an existing connection names it by its id (an Account row id). */
const connectionId = z
  .string({ message: invalid("chooseAccount") })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, invalid("invalidAccountId"));

export const connectionInput = z.object({ connectionId });

export const labelInput = z.object({
  connectionId,
  label: z.string({ message: invalid("enterLabel") }).max(LABEL_MAX_LENGTH, invalid("labelTooLong")),
});

export const signInSwitchInput = z.object({
  connectionId,
  enabled: z.enum(["true", "false"], { message: invalid("chooseOnOff") }).transform((value) => value === "true"),
});
