// The control room's forms that ask for a reason: closing scoring short, undoing a reveal, hiding
// an entry, lifting the freeze, undoing the ceremony's start. Each keeps its text until the server
// has accepted the step; the irreversible ones confirm, in words and numbers, before they send.
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmPanel, useConfirmation } from "./confirm-step";
import { danger, input, secondary } from "./control-ui";

export function CloseForm({
  busy,
  complete,
  needsReason,
  minMarks,
  confirm,
  onClose,
}: {
  busy: boolean;
  complete: boolean;
  needsReason: boolean;
  minMarks: number;
  /** What closing now does, with the marks it closes with. */
  confirm: string;
  onClose: (reason: string, seenVersion: number) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const { confirmOpen, showConfirm, hideConfirm, confirmTrigger } = useConfirmation();
  const wanted = needsReason || missing;
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        // Short of the full panel a reason is needed: ask here rather than after the confirmation.
        if (!complete && !reason.trim()) return setMissing(true);
        setMissing(false);
        showConfirm();
      }}
    >
      {!complete ? (
        <label className="block text-sm">
          <span className="font-medium">{t("live.control.closeReason")}</span>
          <input
            className={input}
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            aria-invalid={wanted}
            aria-describedby="close-reason-hint"
          />
          <span id="close-reason-hint" className={`mt-1 block text-xs ${wanted ? "text-rose-700" : "text-slate-500"}`}>
            {wanted ? t("live.control.reasonRequired") : t("live.control.closeReasonHint", { min: minMarks })}
          </span>
        </label>
      ) : null}
      {confirmOpen ? (
        <ConfirmPanel
          message={confirm}
          busy={busy}
          onCancel={hideConfirm}
          onConfirm={(seen) =>
            void onClose(reason.trim(), seen).then((ok) => {
              hideConfirm();
              if (ok) setReason("");
            })
          }
        />
      ) : (
        <button ref={confirmTrigger} className={secondary} disabled={busy} data-testid="close-scoring">
          {t("live.control.close")}
        </button>
      )}
    </form>
  );
}

export function ReasonForm({
  label,
  submit,
  tone,
  busy,
  onSubmit,
  confirm,
  testId,
  children,
}: {
  label: string;
  submit: string;
  tone: string;
  busy: boolean;
  onSubmit: (reason: string, seenVersion?: number) => Promise<boolean>;
  /** When given, the step is confirmed with this message before it is sent. */
  confirm?: ReactNode;
  testId?: string;
  /** More fields before the reason (a judge to pick). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const { confirmOpen, showConfirm, hideConfirm, confirmTrigger } = useConfirmation();
  const send = (seen?: number) =>
    onSubmit(reason.trim(), seen).then((ok) => {
      if (ok) setReason("");
      return ok;
    });
  const go = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    if (confirm) showConfirm();
    else void send();
  };
  return (
    <form className="space-y-2" onSubmit={go} data-testid={testId}>
      {children}
      <label className="block text-sm">
        <span className="font-medium">{label}</span>
        <input
          className={input}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          aria-invalid={missing}
        />
      </label>
      {missing ? <p className="text-sm text-rose-700">{t("live.control.reasonRequired")}</p> : null}
      {confirmOpen ? (
        <ConfirmPanel
          message={confirm}
          busy={busy}
          onCancel={hideConfirm}
          onConfirm={(seen) => void send(seen).finally(hideConfirm)}
        />
      ) : (
        <button ref={confirmTrigger} className={tone} disabled={busy}>
          {submit}
        </button>
      )}
    </form>
  );
}

export function HideButton({
  busy,
  confirm,
  onHide,
}: {
  busy: boolean;
  confirm: string;
  onHide: (reason: string, seenVersion?: number) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button className={secondary} disabled={busy} onClick={() => setOpen(true)}>
        {t("live.control.hide")}
      </button>
    );
  return (
    <div className="w-full">
      <ReasonForm
        label={t("live.control.hideReason")}
        submit={t("live.control.hide")}
        tone={danger}
        busy={busy}
        confirm={confirm}
        onSubmit={(reason, seen) => onHide(reason, seen).then((ok) => (ok && setOpen(false), ok))}
      />
    </div>
  );
}
