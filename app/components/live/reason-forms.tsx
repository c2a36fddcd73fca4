// The control room's forms that ask for a reason: closing scoring short, undoing a reveal, hiding
// an entry. Each keeps its text until the server has accepted the step.
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { danger, input, secondary } from "./control-ui";

export function CloseForm({
  busy,
  complete,
  needsReason,
  minMarks,
  onClose,
}: {
  busy: boolean;
  complete: boolean;
  needsReason: boolean;
  minMarks: number;
  onClose: (reason: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        void onClose(reason.trim()).then((ok) => ok && setReason(""));
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
            aria-invalid={needsReason}
            aria-describedby="close-reason-hint"
          />
          <span
            id="close-reason-hint"
            className={`mt-1 block text-xs ${needsReason ? "text-rose-700" : "text-slate-500"}`}
          >
            {needsReason ? t("live.control.reasonRequired") : t("live.control.closeReasonHint", { min: minMarks })}
          </span>
        </label>
      ) : null}
      <button className={secondary} disabled={busy} data-testid="close-scoring">
        {t("live.control.close")}
      </button>
    </form>
  );
}

export function ReasonForm({
  label,
  submit,
  tone,
  busy,
  onSubmit,
  testId,
}: {
  label: string;
  submit: string;
  tone: string;
  busy: boolean;
  onSubmit: (reason: string) => Promise<boolean>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const go = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    void onSubmit(reason.trim()).then((ok) => ok && setReason(""));
  };
  return (
    <form className="space-y-2" onSubmit={go} data-testid={testId}>
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
      <button className={tone} disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

export function HideButton({ busy, onHide }: { busy: boolean; onHide: (reason: string) => Promise<boolean> }) {
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
        onSubmit={(reason) => onHide(reason).then((ok) => (ok && setOpen(false), ok))}
      />
    </div>
  );
}
