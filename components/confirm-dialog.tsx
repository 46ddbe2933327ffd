"use client";
// A confirmation step before something that cannot be undone (e.g. Disconnect).
//
//   <ConfirmDialog
//     triggerLabel="Disconnect" title="Disconnect Globex ID?" description={<p>…</p>}
//     confirmLabel="Disconnect" tone="danger"
//     action={disconnectAction} fields={{ provider: "globex" }}   // submits a form to a server action
//     // or onConfirm={() => …}                                    // plain callback
//   />
//
// Built on the native modal <dialog>: role "dialog" and aria-modal, focus moved inside and trapped (the
// rest of the page is inert), Escape closes. Focus goes back to the button that opened it. Its contents are
// rendered only while it is open: a page with many rows does not ship a hidden dialog per row.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useTranslations } from "next-intl";
import { Button } from "./ui/button";

type Tone = "danger" | "primary";

interface Props {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** Shown on the confirm button while the form's action runs. */
  pendingLabel?: string;
  cancelLabel?: string;
  tone?: Tone;
  triggerLabel: string;
  triggerVariant?: "primary" | "secondary" | "danger";
  triggerClassName?: string;
  action?: (formData: FormData) => void | Promise<void>;
  fields?: Record<string, string>;
  onConfirm?: () => void;
}

export function ConfirmDialog(props: Props) {
  const { title, description, confirmLabel, tone = "danger", triggerLabel, triggerVariant = "secondary" } = props;
  const t = useTranslations("dialog");
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [isOpen, setOpen] = useState(false);
  const titleId = useId();
  const descriptionId = useId();

  const open = () => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  };
  // Shown once its contents exist, so the browser's dialog focusing finds Cancel (autoFocus).
  useEffect(() => {
    if (isOpen && !dialog.current?.open) dialog.current?.showModal();
  }, [isOpen]);
  const close = () => dialog.current?.close();
  // A modal <dialog> makes the page inert, but Tab past the last button would leave for the browser's own
  // controls; wrap around instead so focus stays on the dialog's choices.
  const onKeyDown = (event: React.KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab" || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>("button:not([disabled]), [href], input:not([type=hidden]), [tabindex]:not([tabindex='-1'])")];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const wrapTo = event.shiftKey ? (document.activeElement === first ? last : null) : document.activeElement === last ? first : null;
    if (!wrapTo) return;
    event.preventDefault();
    wrapTo.focus();
  };
  // Fires for Escape, Cancel, confirm and backdrop clicks alike.
  const onClose = () => {
    setOpen(false);
    opener.current?.focus();
  };

  const confirm =
    props.action ? (
      <form action={async (formData) => { await props.action?.(formData); close(); }} className="contents">
        {Object.entries(props.fields ?? {}).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        <SubmitButton tone={tone} label={confirmLabel} pendingLabel={props.pendingLabel} />
      </form>
    ) : (
      <Button type="button" variant={tone === "danger" ? "danger-solid" : "primary"} onClick={() => { props.onConfirm?.(); close(); }}>
        {confirmLabel}
      </Button>
    );

  return (
    <>
      <Button type="button" variant={triggerVariant} className={props.triggerClassName} onClick={open} aria-haspopup="dialog" aria-expanded={isOpen}>
        {triggerLabel}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={isOpen ? titleId : undefined}
        aria-describedby={isOpen ? descriptionId : undefined}
        onClose={onClose}
        onKeyDown={onKeyDown}
        onClick={(event) => { if (event.target === dialog.current) close(); }}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        {isOpen ? (
          <div className="p-6">
            <h2 id={titleId} className="text-lg font-semibold tracking-tight">{title}</h2>
            <div id={descriptionId} className="mt-2 space-y-2 text-sm text-slate-600 dark:text-slate-300">{description}</div>
            <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              {/* Cancel comes first in the DOM and takes focus on open: the safe choice. */}
              <Button type="button" variant="secondary" onClick={close} autoFocus>{props.cancelLabel ?? t("cancel")}</Button>
              {confirm}
            </div>
          </div>
        ) : null}
      </dialog>
    </>
  );
}

function SubmitButton({ tone, label, pendingLabel }: { tone: Tone; label: string; pendingLabel?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={tone === "danger" ? "danger-solid" : "primary"} disabled={pending} aria-busy={pending}>
      {pending && pendingLabel ? pendingLabel : label}
    </Button>
  );
}
