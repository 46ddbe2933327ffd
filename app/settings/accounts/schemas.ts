// Input rules for the connected-accounts actions (kept apart: a "use server" file may only export actions).
import { z } from "zod";
import { findProvider } from "@/lib/providers";

export const providerInput = z.object({
  provider: z
    .string({ message: "Choose a provider." })
    .max(64, "Unknown provider.")
    .refine((id) => findProvider(id) !== undefined, "Unknown provider."),
});

export const accountInput = z.object({
  accountId: z.string({ message: "Choose an account." }).regex(/^[a-z0-9]{20,40}$/, "That account id is not valid."),
});
