// The confirmation in front of every irreversible control: it says in words and numbers what the
// step will do, then Confirm or Cancel. Focus goes to Cancel (the safe choice) when it opens and
// back to the button that opened it when it closes; Escape cancels. The control state's version is
// taken when the confirmation opens, so a final that moved on meanwhile refuses the step as stale
// rather than doing it on numbers the organizer did not see.
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { danger, secondary } from "./control-ui";

/** The control state's version the page holds now (ControlRoom provides it). */
export const ControlVersion = createContext(0);

export function ConfirmPanel({
  message,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  message: ReactNode;
  confirmLabel?: string | undefined;
  busy: boolean;
  onConfirm: (seenVersion: number) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const current = useContext(ControlVersion);
  const [seen] = useState(current);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-labelledby={id}
      data-testid="confirm-step"
      data-version={seen}
      className="w-full space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={id} className="text-sm text-amber-950" data-testid="confirm-message">
        {message}
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={danger} disabled={busy} onClick={() => onConfirm(seen)}>
          {confirmLabel ?? t("live.controlRoom.confirm")}
        </button>
        <button type="button" ref={cancel} className={secondary} onClick={onCancel}>
          {t("live.controlRoom.cancel")}
        </button>
      </div>
    </div>
  );
}

/**
 * Opening and closing a confirmation. The panel takes the place of the button that opened it, so
 * `trigger` goes on that button: it gets the focus back when the panel closes (if it is still there).
 */
export function useConfirmation() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (open || !refocus.current) return;
    refocus.current = false;
    trigger.current?.focus();
  }, [open]);
  return {
    confirmOpen: open,
    confirmTrigger: trigger,
    showConfirm: () => setOpen(true),
    hideConfirm: () => {
      refocus.current = true;
      setOpen(false);
    },
  };
}

/** A button whose step is confirmed first. */
export function ConfirmStep({
  label,
  tone,
  message,
  confirmLabel,
  busy,
  disabled,
  onConfirm,
  testId,
}: {
  label: ReactNode;
  tone: string;
  message: ReactNode;
  confirmLabel?: string;
  busy: boolean;
  disabled?: boolean;
  onConfirm: (seenVersion: number) => Promise<boolean>;
  testId?: string;
}) {
  const { confirmOpen, showConfirm, hideConfirm, confirmTrigger } = useConfirmation();
  if (confirmOpen)
    return (
      <ConfirmPanel
        message={message}
        confirmLabel={confirmLabel}
        busy={busy}
        onCancel={hideConfirm}
        onConfirm={(seen) => void onConfirm(seen).finally(hideConfirm)}
      />
    );
  return (
    <button
      type="button"
      ref={confirmTrigger}
      className={tone}
      disabled={busy || disabled}
      aria-haspopup="dialog"
      onClick={showConfirm}
      data-testid={testId}
    >
      {label}
    </button>
  );
}
