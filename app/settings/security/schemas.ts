// Input rules for the security page's actions (kept apart: a "use server" file may only export actions).
// Messages are keys of messages/*.json → validation, translated by userAction.
import { z } from "zod";
import { invalid } from "@/lib/actions/validation";

const passkeyId = z.string({ message: invalid("choosePasskey") }).regex(/^[A-Za-z0-9+/=_-]{16,512}$/, invalid("invalidPasskeyId"));

export const passkeyInput = z.object({ passkeyId });

export const renamePasskeyInput = z.object({
  passkeyId,
  name: z.string({ message: invalid("enterName") }).trim().min(1, invalid("enterName")).max(60, invalid("nameTooLong")),
});

export const sessionInput = z.object({
  sessionId: z.string({ message: invalid("chooseSession") }).regex(/^[0-9a-f-]{36}$/, invalid("invalidSessionId")),
});

export const noInput = z.object({});

export const deleteAccountInput = z.object({
  confirmation: z.string({ message: invalid("typeConfirmation") }).trim().min(1, invalid("typeConfirmation")).max(320, invalid("confirmationTooLong")),
});
