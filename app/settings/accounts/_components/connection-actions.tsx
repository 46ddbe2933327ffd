"use client";
// A connection's buttons in one compact row (stacked on phones) and, on a line of its own under them, the
// outcome of the last one: a long "API call failed: …" never pushes the buttons out of the card.
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/use-form-action";
import type { ActionState } from "@/lib/actions/user-action";
import { callApi, disconnect, grantMoreAccess, reconnect } from "../actions";

interface Props {
  connectionId: string;
  providerName: string;
  identity: string;
  /** Which buttons apply (an unavailable provider only offers Disconnect). */
  show: { reconnect: boolean; callApi: boolean; grantMore: boolean };
}

export const actionButtonClass = "w-full px-3 py-1.5 sm:w-auto";

export function ConnectionActions({ connectionId, providerName, identity, show }: Props) {
  const t = useTranslations("accounts");
  const [apiState, apiAction, apiPending] = useFormAction(callApi);
  const [redirectState, redirectAction, redirectPending] = useFormAction(redirectingAction);
  const [disconnectState, disconnectAction] = useFormAction(disconnect);
  const apiFailed = apiState !== null && "error" in apiState;
  // Reconnect, Grant more access and Disconnect only come back here when they fail (success leaves the page).
  const otherError = [disconnectState, redirectState].find((state) => state !== null && "error" in state);
  return (
    <div className="col-span-full">
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:justify-end">
        {show.reconnect ? (
          <form action={redirectAction} className="contents">
            <input type="hidden" name="connectionId" value={connectionId} />
            <input type="hidden" name="intent" value="reconnect" />
            <Button type="submit" variant="primary" className={actionButtonClass} disabled={redirectPending}>{t("reconnect")}</Button>
          </form>
        ) : null}
        {show.callApi ? (
          <form action={apiAction} className="contents">
            <input type="hidden" name="connectionId" value={connectionId} />
            <Button type="submit" variant="secondary" className={actionButtonClass} disabled={apiPending} aria-busy={apiPending}>
              {apiPending ? t("calling") : t("callApi")}
            </Button>
          </form>
        ) : null}
        {show.grantMore ? (
          <form action={redirectAction} className="contents">
            <input type="hidden" name="connectionId" value={connectionId} />
            <input type="hidden" name="intent" value="grant-more" />
            <Button type="submit" variant="secondary" className={actionButtonClass} disabled={redirectPending}>{t("grantMore")}</Button>
          </form>
        ) : null}
        <ConfirmDialog
          triggerLabel={t("disconnect")}
          triggerVariant="danger"
          triggerClassName={actionButtonClass}
          title={t("disconnectTitle", { provider: providerName })}
          description={<><p>{t("disconnectWhat", { provider: providerName, identity })}</p><p>{t("disconnectAgain", { provider: providerName })}</p></>}
          confirmLabel={t("disconnect")}
          pendingLabel={t("disconnecting")}
          action={disconnectAction}
          fields={{ connectionId }}
        />
      </div>
      {apiState ? (
        <p
          role="status"
          data-testid="api-result"
          className={`mt-2 text-sm break-words ${apiFailed ? "text-red-700 dark:text-red-300" : "text-emerald-700 dark:text-emerald-300"}`}
        >
          {"error" in apiState ? apiState.error : apiState.success}
        </p>
      ) : null}
      {otherError && "error" in otherError ? (
        <p role="alert" className="mt-2 text-sm break-words text-red-700 dark:text-red-300">{otherError.error}</p>
      ) : null}
    </div>
  );
}

/** Reconnect and Grant more access both leave for the provider; one state holds whichever failed. */
async function redirectingAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return formData.get("intent") === "grant-more" ? grantMoreAccess(previous, formData) : reconnect(previous, formData);
}
