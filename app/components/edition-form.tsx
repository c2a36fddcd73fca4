// The new-edition form: names, short name, year, time zone, registration window, and an optional
// copy of an earlier edition. Conform checks it with the shared schema as fields are left; without
// JavaScript the server answers with the same messages at the same fields.
import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { COMMON_TIME_ZONES, competitionFormSchema } from "~/domain/edition-schemas";
import { localized, useLocale } from "~/i18n/use-locale";
import { FormField, FormMessage, inputClass, TextInput } from "./form-field";

export type CopySource = { slug: string; name_zh: string; name_en: string; edition: number };

export function EditionForm({
  sources,
  zones,
  defaults,
  lastResult,
}: {
  sources: readonly CopySource[];
  /** Every IANA zone the server knows, offered after the common ones. */
  zones: readonly string[];
  defaults: { year: number; timeZone: string; copyFrom?: string };
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    // A fixed id, so each field's message has a stable id (edition-slug-error) for tests and links.
    id: "edition",
    lastResult,
    defaultValue: { year: String(defaults.year), timeZone: defaults.timeZone, copyFrom: defaults.copyFrom ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: competitionFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const common = new Set<string>(COMMON_TIME_ZONES);
  return (
    // A full page load after creating: every part of the page (the bar too) then reads the new edition cookie.
    <Form method="post" reloadDocument {...getFormProps(form)} className="space-y-6">
      {form.errors?.length ? <FormMessage>{form.errors.map((e) => t(e)).join(" ")}</FormMessage> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          id={fields.nameZh.id}
          label={t("editions.fields.nameZh")}
          errors={fields.nameZh.errors}
          errorId={fields.nameZh.errorId}
        >
          <TextInput {...getInputProps(fields.nameZh, { type: "text" })} lang="zh-Hans" maxLength={120} />
        </FormField>
        <FormField
          id={fields.nameEn.id}
          label={t("editions.fields.nameEn")}
          errors={fields.nameEn.errors}
          errorId={fields.nameEn.errorId}
        >
          <TextInput {...getInputProps(fields.nameEn, { type: "text" })} lang="en" maxLength={120} />
        </FormField>
        <FormField
          id={fields.slug.id}
          label={t("editions.fields.slug")}
          hint={t("editions.fields.slugHint")}
          errors={fields.slug.errors}
          errorId={fields.slug.errorId}
        >
          <TextInput {...getInputProps(fields.slug, { type: "text" })} autoCapitalize="none" spellCheck={false} />
        </FormField>
        <FormField
          id={fields.year.id}
          label={t("editions.fields.year")}
          errors={fields.year.errors}
          errorId={fields.year.errorId}
        >
          <TextInput {...getInputProps(fields.year, { type: "number" })} min={2000} max={2100} />
        </FormField>
        <FormField
          id={fields.timeZone.id}
          label={t("editions.fields.timeZone")}
          hint={t("editions.fields.timeZoneHint")}
          errors={fields.timeZone.errors}
          errorId={fields.timeZone.errorId}
        >
          <select {...getSelectProps(fields.timeZone)} className={inputClass}>
            <optgroup label={t("editions.fields.commonZones")}>
              {COMMON_TIME_ZONES.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("editions.fields.allZones")}>
              {zones
                .filter((z) => !common.has(z))
                .map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
            </optgroup>
          </select>
        </FormField>
        <div />
        <FormField
          id={fields.opensAt.id}
          label={t("editions.fields.opensAt")}
          hint={t("editions.fields.datesHint")}
          errors={fields.opensAt.errors}
          errorId={fields.opensAt.errorId}
        >
          <TextInput {...getInputProps(fields.opensAt, { type: "datetime-local" })} />
        </FormField>
        <FormField
          id={fields.closesAt.id}
          label={t("editions.fields.closesAt")}
          hint={t("editions.fields.datesHint")}
          errors={fields.closesAt.errors}
          errorId={fields.closesAt.errorId}
        >
          <TextInput {...getInputProps(fields.closesAt, { type: "datetime-local" })} />
        </FormField>
      </div>

      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("editions.fields.copyFrom")}</legend>
        <FormField
          id={fields.copyFrom.id}
          label=""
          hint={t("editions.fields.copyHint")}
          errors={fields.copyFrom.errors}
          errorId={fields.copyFrom.errorId}
        >
          <select
            {...getSelectProps(fields.copyFrom)}
            aria-label={t("editions.fields.copyFrom")}
            className={inputClass}
          >
            <option value="">{t("editions.fields.copyNone")}</option>
            {sources.map((s) => (
              <option key={s.slug} value={s.slug}>
                {t("editions.public.editionName", { name: localized(locale, s.name_zh, s.name_en), year: s.edition })}
              </option>
            ))}
          </select>
        </FormField>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input {...getInputProps(fields.copyJudges, { type: "checkbox" })} className="mt-0.5" />
          <span>{t("editions.fields.copyJudges")}</span>
        </label>
      </fieldset>

      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
      >
        {t("editions.create")}
      </button>
    </Form>
  );
}
