// Input rules for the security page's actions (kept apart: a "use server" file may only export actions).
import { z } from "zod";

const passkeyId = z.string({ message: "Choose a passkey." }).regex(/^[A-Za-z0-9+/=_-]{16,512}$/, "That passkey id is not valid.");

export const passkeyInput = z.object({ passkeyId });

export const renamePasskeyInput = z.object({
  passkeyId,
  name: z.string({ message: "Enter a name." }).trim().min(1, "Enter a name.").max(60, "Use at most 60 characters."),
});

export const sessionInput = z.object({
  sessionId: z.string({ message: "Choose a session." }).regex(/^[0-9a-f-]{36}$/, "That session id is not valid."),
});

export const noInput = z.object({});

export const deleteAccountInput = z.object({
  email: z.string({ message: "Type your email to confirm." }).trim().min(1, "Type your email to confirm.").max(320, "That is not your email."),
});
