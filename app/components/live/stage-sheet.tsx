// The judge's marks form on stage: the same sheet schema as the web sheet and the server, checked
// on the phone first; in a correction it starts from the judge's own marks and asks why they change.
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatMilli, markField, scoreSheetSchema } from "~/domain/score-sheet";
import { localized, useLocale } from "~/i18n/use-locale";
import type { RefusedAck } from "~/live/protocol";
import type { StageCriterion } from "./judge-stage";

/** The sheet as typed: marks by criterion id, the comment, and (in a correction) the reason. */
export type Draft = { marks: Record<string, string>; comment: string; reason?: string };
/** The server's refusal of the last score: its code and the field (a criterion id, or "reason"). */
export type SheetRefusal = Pick<RefusedAck, "code" | "field" | "fields">;

/** The server's refusal of the last score, at the fields it names: a mark's criterion (by id) or the reason. */
function errorsOf(refusal: SheetRefusal | undefined): Record<string, string> {
  if (!refusal?.field) return {};
  if (refusal.field === "reason") return { reason: refusal.code };
  const found: Record<string, string> = {};
  for (const [criterion, messages] of Object.entries(refusal.fields ?? {}))
    if (messages[0]) found[markField(Number(criterion))] = messages[0];
  return found;
}

const REASON_MAX = 500;

/**
 * The marks form: the same sheet schema as the web sheet and the server, checked on the phone first.
 * In a correction (`askReason`) it starts from the judge's own marks and asks why they change them.
 */
export function StageSheet({
  criteria,
  initial,
  askReason = false,
  refusal,
  onSubmit,
}: {
  criteria: StageCriterion[];
  initial?: Draft | undefined;
  askReason?: boolean;
  refusal?: SheetRefusal | undefined;
  onSubmit: (sheet: Draft) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [values, setValues] = useState<Record<string, string>>(initial?.marks ?? {});
  const [comment, setComment] = useState(initial?.comment ?? "");
  const [reason, setReason] = useState(initial?.reason ?? "");
  const [errors, setErrors] = useState<Record<string, string>>(() => errorsOf(refusal));
  const schema = useMemo(
    () => scoreSheetSchema(criteria.map((c) => ({ id: c.id, maxMilli: c.max_milli, stepMilli: c.step_milli }))),
    [criteria],
  );
  return (
    <form
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
      data-testid="stage-sheet"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const raw: Record<string, string> = { intent: "submit", comment };
        for (const c of criteria) raw[markField(c.id)] = values[c.id] ?? "";
        const parsed = schema.safeParse(raw);
        const found: Record<string, string> = {};
        if (!parsed.success) for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
        if (askReason && !reason.trim()) found.reason = "live.refusal.revisionReasonRequired";
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        const marks = Object.fromEntries(criteria.map((c) => [String(c.id), values[c.id] ?? ""]));
        onSubmit(askReason ? { marks, comment, reason: reason.trim() } : { marks, comment });
      }}
    >
      {criteria.map((c) => {
        const name = markField(c.id);
        const error = errors[name];
        return (
          <label key={c.id} className="block">
            <span className="flex items-baseline justify-between gap-2 text-sm font-medium">
              <span>{localized(locale, c.name_zh, c.name_en)}</span>
              <span className="text-xs text-slate-500">
                {t("judge.range", { max: formatMilli(c.max_milli), step: formatMilli(c.step_milli) })}
              </span>
            </span>
            <input
              name={name}
              inputMode="decimal"
              autoComplete="off"
              className={`mt-1 w-full rounded-lg border px-3 py-3 text-lg ${error ? "border-rose-500" : "border-slate-300"}`}
              value={values[c.id] ?? ""}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? `${name}-error` : undefined}
              onChange={(e) => setValues({ ...values, [c.id]: e.target.value })}
            />
            {error ? (
              <span id={`${name}-error`} className="mt-1 block text-sm text-rose-700">
                {t(error)}
              </span>
            ) : null}
          </label>
        );
      })}
      <label className="block text-sm">
        <span className="font-medium">{t("live.judge.comment")}</span>
        <textarea
          className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2"
          rows={2}
          value={comment}
          maxLength={4000}
          onChange={(e) => setComment(e.target.value)}
        />
      </label>
      {askReason ? (
        <label className="block text-sm">
          <span className="font-medium">{t("live.judge.correction.reason")}</span>
          <textarea
            name="reason"
            required
            className={`mt-1 w-full rounded-lg border px-3 py-2 ${errors.reason ? "border-rose-500" : "border-slate-300"}`}
            rows={2}
            value={reason}
            maxLength={REASON_MAX}
            aria-invalid={Boolean(errors.reason)}
            aria-describedby={errors.reason ? "reason-error" : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {errors.reason ? (
            <span id="reason-error" className="mt-1 block text-sm text-rose-700">
              {t(errors.reason)}
            </span>
          ) : null}
        </label>
      ) : null}
      <button className="w-full rounded-lg bg-indigo-600 py-3 text-base font-semibold text-white hover:bg-indigo-500">
        {t(askReason ? "live.judge.correction.submit" : "live.judge.submit")}
      </button>
    </form>
  );
}
