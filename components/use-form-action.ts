"use client";
// useActionState for a server action, always through a browser-side function.
//
// Given a server action itself, React renders every such form ready to post without JavaScript: it encodes the
// action and its bound state into hidden fields on each server render. That cost 0.17 ms of server CPU per form,
// a sixth of the accounts page (docs/performance.md, step 14). Our forms need JavaScript instead: a form
// submitted before the page has hydrated is held by React and replayed once it has.
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/user-action";

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/** `[state, formAction, pending]`, as useActionState, starting from no outcome. */
export function useFormAction(action: FormAction) {
  return useActionState((previous: ActionState, formData: FormData) => action(previous, formData), null);
}
