// One side's record of a meeting's outcome (app/domain/meeting-outcomes.ts): held or not, what came of
// it, the amount and a note; the server's errors shown at their fields, in the reader's language.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormField, inputClass } from "~/components/form-field";
import { OUTCOME_KINDS } from "~/domain/meeting-outcomes";
import type { OwnRecord } from "~/services/follow-on/outcomes.server";

type Errors = Record<string, string[] | null> | null | undefined;

export function OutcomeForm({
  meetingId,
  record,
  errors,
  values,
}: {
  meetingId: number;
  record: OwnRecord | null;
  errors: Errors;
  /** What was posted, when the post was refused: the form shows it again. */
  values: Record<string, unknown> | null | undefined;
}) {
  const { t } = useTranslation();
  const id = (name: string) => `m${meetingId}-${name}`;
  const err = (name: string) => errors?.[name] ?? undefined;
  const invalid = (name: string) =>
    err(name)?.length ? { "aria-invalid": true as const, "aria-describedby": `${id(name)}-error` } : {};
  const posted = (name: string) => (typeof values?.[name] === "string" ? (values[name] as string) : undefined);
  const held = posted("held") ?? (record ? (record.held ? "yes" : "no") : undefined);
  const kind = posted("kind") ?? record?.kind ?? "";
  const amount = posted("amountWan") ?? (record?.amountWan != null ? String(record.amountWan) : "");
  const note = posted("note") ?? record?.note ?? "";
  return (
    <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2" aria-label={t("outcome.form.title")}>
      <input type="hidden" name="meetingId" value={meetingId} />
      <fieldset className="space-y-1" {...invalid("held")}>
        <legend className="block text-sm font-medium text-slate-700">{t("outcome.heldLabel")}</legend>
        <div className="flex gap-4 text-sm">
          {(["yes", "no"] as const).map((v) => (
            <label key={v} className="flex items-center gap-1">
              <input type="radio" name="held" value={v} defaultChecked={held === v} />
              {t(v === "yes" ? "outcome.heldYes" : "outcome.heldNo")}
            </label>
          ))}
        </div>
        {err("held")?.length ? (
          <p id={`${id("held")}-error`} role="alert" className="text-sm text-rose-700">
            {err("held")!
              .map((e) => t(e))
              .join(" ")}
          </p>
        ) : null}
      </fieldset>
      <FormField id={id("kind")} label={t("outcome.kindLabel")} errors={err("kind")} errorId={`${id("kind")}-error`}>
        <select id={id("kind")} name="kind" defaultValue={kind} className={inputClass} {...invalid("kind")}>
          <option value="">{t("outcome.list.choose")}</option>
          {OUTCOME_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`outcome.kind.${k}`)}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        id={id("amountWan")}
        label={t("outcome.amountLabel")}
        hint={t("outcome.amountHint")}
        errors={err("amountWan")}
        errorId={`${id("amountWan")}-error`}
      >
        <input
          id={id("amountWan")}
          name="amountWan"
          inputMode="numeric"
          defaultValue={amount}
          className={inputClass}
          {...invalid("amountWan")}
        />
      </FormField>
      <FormField id={id("note")} label={t("outcome.noteLabel")} errors={err("note")} errorId={`${id("note")}-error`}>
        <textarea
          id={id("note")}
          name="note"
          rows={2}
          maxLength={2000}
          defaultValue={note}
          className={inputClass}
          {...invalid("note")}
        />
      </FormField>
      <div className="sm:col-span-2">
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700"
        >
          {record ? t("outcome.list.change") : t("outcome.list.record")}
        </button>
      </div>
    </Form>
  );
}
