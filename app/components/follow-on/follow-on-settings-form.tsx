// The organizers' follow-on settings: the round whose entries take part, the request caps and the
// forum's grid. Conform checks it with the shared schema as fields are left; without JavaScript the
// server answers with the same messages at the same fields.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { followOnSettingsSchema } from "~/domain/follow-on-settings";
import { localized, useLocale } from "~/i18n/use-locale";
import { FormField, FormMessage, inputClass, TextInput } from "../form-field";

export type SettingsFormValues = Record<
  | "needsRoundId"
  | "capPerPartner"
  | "capPerEntryPerKind"
  | "days"
  | "dayStarts"
  | "dayEnds"
  | "slotMinutes"
  | "tables"
  | "finalStartsAt"
  | "pitchMinutes",
  string
>;

export function FollowOnSettingsForm({
  values,
  rounds,
  timeZone,
  lastResult,
}: {
  values: SettingsFormValues;
  rounds: readonly { id: number; nameZh: string; nameEn: string }[];
  timeZone: string;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "follow-on-settings",
    lastResult,
    defaultValue: values,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: followOnSettingsSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const label = (name: keyof SettingsFormValues) => t(`schedule.settings.fields.${name}`);
  const number = (name: "capPerPartner" | "capPerEntryPerKind" | "slotMinutes" | "tables" | "pitchMinutes") => (
    <FormField id={fields[name].id} label={label(name)} errors={fields[name].errors} errorId={fields[name].errorId}>
      <TextInput {...getInputProps(fields[name], { type: "number" })} />
    </FormField>
  );
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      {form.errors?.length ? <FormMessage>{form.errors.map((e) => t(e)).join(" ")}</FormMessage> : null}
      <fieldset className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("schedule.settings.rules")}</legend>
        <FormField
          id={fields.needsRoundId.id}
          label={label("needsRoundId")}
          errors={fields.needsRoundId.errors}
          errorId={fields.needsRoundId.errorId}
        >
          <select {...getSelectProps(fields.needsRoundId)} className={inputClass}>
            <option value="">{t("schedule.settings.fields.chooseRound")}</option>
            {rounds.map((r) => (
              <option key={r.id} value={String(r.id)}>
                {localized(locale, r.nameZh, r.nameEn)}
              </option>
            ))}
          </select>
        </FormField>
        {number("capPerPartner")}
        {number("capPerEntryPerKind")}
      </fieldset>
      <fieldset className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("schedule.settings.grid")}</legend>
        <FormField
          id={fields.days.id}
          label={label("days")}
          hint={t("schedule.settings.fields.daysHint")}
          errors={fields.days.errors}
          errorId={fields.days.errorId}
        >
          <textarea {...getTextareaProps(fields.days)} rows={3} className={inputClass} />
        </FormField>
        <FormField
          id={fields.dayStarts.id}
          label={label("dayStarts")}
          errors={fields.dayStarts.errors}
          errorId={fields.dayStarts.errorId}
        >
          <TextInput {...getInputProps(fields.dayStarts, { type: "time" })} />
        </FormField>
        <FormField
          id={fields.dayEnds.id}
          label={label("dayEnds")}
          errors={fields.dayEnds.errors}
          errorId={fields.dayEnds.errorId}
        >
          <TextInput {...getInputProps(fields.dayEnds, { type: "time" })} />
        </FormField>
        {number("slotMinutes")}
        {number("tables")}
        <div />
        <FormField
          id={fields.finalStartsAt.id}
          label={label("finalStartsAt")}
          hint={t("schedule.settings.fields.finalHint", { zone: timeZone })}
          errors={fields.finalStartsAt.errors}
          errorId={fields.finalStartsAt.errorId}
        >
          <TextInput {...getInputProps(fields.finalStartsAt, { type: "datetime-local" })} />
        </FormField>
        {number("pitchMinutes")}
      </fieldset>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
      >
        {t("schedule.settings.save")}
      </button>
    </Form>
  );
}
