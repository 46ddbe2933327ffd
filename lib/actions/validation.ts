// Input-validation messages: zod schemas carry a key of messages/*.json → validation instead of English text,
// and userAction translates the first issue for the request's language. `invalid()` makes tsc check each key.
import type { z } from "zod";
import en from "@/messages/en.json";

export type ValidationKey = keyof (typeof en)["validation"];

/** A zod message: the key of the text a person reads. */
export const invalid = (key: ValidationKey) => key;

const isValidationKey = (message: string): message is ValidationKey => Object.hasOwn(en.validation, message);

/** The message key and values of a failed parse; zod's own (English) messages fall back to "invalid". */
export function validationMessage(error: z.ZodError): { key: ValidationKey; values: { max: number } } {
  const issue = error.issues[0];
  const key = issue && isValidationKey(issue.message) ? issue.message : "invalid";
  return { key, values: { max: issue && "maximum" in issue ? Number(issue.maximum) : 0 } };
}
