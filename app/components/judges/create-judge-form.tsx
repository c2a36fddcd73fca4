// The organizer's form for one new judge: account e-mail, name, title, affiliation, country,
// tracks of expertise and organizations they have a conflict with; refusals shown at their field.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage, inputClass } from "~/components/form-field";
import { Section } from "~/components/section";
import { messagesAt } from "~/domain/refusal";
import { localized, useLocale } from "~/i18n/use-locale";
import type { ShownRefusal } from "~/routing/refusals";

export function CreateJudgeForm({
  refusal,
  values,
  tracks,
  countries,
}: {
  refusal: ShownRefusal | null;
  values: Record<string, string>;
  tracks: { code: string; nameZh: string; nameEn: string }[];
  countries: { code: string; name: string }[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorAt = (field: string) => messagesAt(refusal, field)[0] ?? null;
  const input = (name: string, extra: Record<string, unknown> = {}) => ({
    id: `judge-${name}`,
    name,
    defaultValue: values[name] ?? "",
    "aria-invalid": errorAt(name) ? true : undefined,
    "aria-describedby": errorAt(name) ? `judge-${name}-error` : undefined,
    className: inputClass,
    ...extra,
  });
  const fieldError = (name: string) =>
    errorAt(name) ? (
      <p id={`judge-${name}-error`} role="alert" className="text-sm text-rose-700">
        {t(errorAt(name)!)}
      </p>
    ) : null;
  const labelled = (name: string, label: string, control: React.ReactNode) => (
    <div>
      <label htmlFor={`judge-${name}`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {control}
      {fieldError(name)}
    </div>
  );
  return (
    <Section id="create" title={t("judges.createTitle")}>
      {refusal && !refusal.field && !refusal.fields ? <FormMessage>{t(refusal.code)}</FormMessage> : null}
      <Form method="post" className="mt-2 space-y-3 rounded-xl border border-slate-200 bg-white p-4" noValidate>
        <input type="hidden" name="form" value="create" />
        {labelled("email", t("auth.email"), <input {...input("email", { type: "email" })} />)}
        {labelled("name", t("common.name"), <input {...input("name")} />)}
        {labelled("title", t("judges.jobTitle"), <input {...input("title")} />)}
        {labelled("affiliation", t("judges.affiliation"), <input {...input("affiliation")} />)}
        {labelled(
          "country",
          t("judges.country"),
          <select {...input("country")}>
            <option value="">{t("entryForm.choose")}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>,
        )}
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("judges.tracks")}</legend>
          <div className="mt-1 grid grid-cols-2 gap-1 text-sm">
            {tracks.map((tr) => (
              <label key={tr.code} className="flex items-center gap-2">
                <input type="checkbox" name="tracks" value={tr.code} />
                {localized(locale, tr.nameZh, tr.nameEn)}
              </label>
            ))}
          </div>
          {fieldError("tracks")}
        </fieldset>
        <div>
          <label htmlFor="judge-conflictOrganizations" className="block text-sm font-medium text-slate-700">
            {t("judges.conflictOrganizations")}
          </label>
          <textarea {...input("conflictOrganizations", { rows: 2 })} />
          <p className="text-xs text-slate-500">{t("judges.conflictOrganizationsHint")}</p>
        </div>
        <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
          {t("judges.create")}
        </button>
      </Form>
    </Section>
  );
}
