// A partner's own profile form (app/domain/partner-profile.ts): the bilingual name and "about",
// website and place, the tracks and regions, and what the partner's kind offers (an investor's stages
// and ticket, a park's area and support, a corporate's customer kinds). The kind itself is not a
// field: it is shown, and the server keeps the stored one. Errors arrive as i18n keys, at their field.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormField, inputClass } from "~/components/form-field";
import { CUSTOMER_KINDS, FUNDING_STAGES, PARK_SUPPORT, REGIONS, type PartnerKind } from "~/domain/partner-vocabulary";
import { countryOptions } from "~/i18n/countries";
import { localized, useLocale } from "~/i18n/use-locale";

export type ProfileFormValues = Record<string, string | string[] | undefined>;
export type ProfileFormErrors = Record<string, string[] | null | undefined>;
type Option = { value: string; label: string };

/** The error keys of one field, with the partner area's words standing in for a catalogue not yet there. */
function useFieldErrors(errors: ProfileFormErrors | undefined) {
  const { i18n } = useTranslation();
  return (name: string) =>
    errors?.[name]?.map((code) =>
      code.startsWith("partners.validation.") && !i18n.exists(code)
        ? code.replace("partners.validation.", "partnerArea.validation.")
        : code,
    );
}

const text = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

function Field({ name, errors, children }: { name: string; errors: string[] | undefined; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <FormField
      id={`profile-${name}`}
      label={t(`partnerArea.profile.field.${name}`)}
      errors={errors}
      errorId={`profile-${name}-error`}
    >
      {children}
    </FormField>
  );
}

function Input({
  name,
  values,
  errors,
  type = "text",
}: {
  name: string;
  values: ProfileFormValues;
  errors: string[] | undefined;
  type?: string;
}) {
  return (
    <Field name={name} errors={errors}>
      <input
        id={`profile-${name}`}
        name={name}
        type={type}
        defaultValue={text(values[name])}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `profile-${name}-error` : undefined}
        className={inputClass}
      />
    </Field>
  );
}

function About({ name, values, errors }: { name: string; values: ProfileFormValues; errors: string[] | undefined }) {
  return (
    <Field name={name} errors={errors}>
      <textarea
        id={`profile-${name}`}
        name={name}
        rows={4}
        defaultValue={text(values[name])}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `profile-${name}-error` : undefined}
        className={inputClass}
      />
    </Field>
  );
}

function Choices({
  name,
  options,
  values,
  errors,
}: {
  name: string;
  options: Option[];
  values: ProfileFormValues;
  errors: string[] | undefined;
}) {
  const { t } = useTranslation();
  const chosen = new Set(list(values[name]));
  return (
    <fieldset
      className="space-y-1"
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={errors?.length ? `profile-${name}-error` : undefined}
    >
      <legend className="text-sm font-medium text-slate-700">{t(`partnerArea.profile.field.${name}`)}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-1.5 text-sm text-slate-700">
            <input type="checkbox" name={name} value={o.value} defaultChecked={chosen.has(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id={`profile-${name}-error`} role="alert" className="text-sm text-rose-700">
          {errors.map((e) => t(e)).join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

export function PartnerProfileForm({
  kind,
  values,
  errors,
  tracks,
  busy,
}: {
  kind: PartnerKind;
  values: ProfileFormValues;
  errors: ProfileFormErrors | undefined;
  tracks: { code: string; nameZh: string; nameEn: string }[];
  busy: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const at = useFieldErrors(errors);
  const coded = (codes: readonly string[], label: (code: string) => string): Option[] =>
    codes.map((c) => ({ value: c, label: label(c) }));
  return (
    <Form method="post" noValidate className="space-y-6 rounded-lg border border-slate-200 bg-white p-5">
      <section className="grid gap-4 sm:grid-cols-2">
        <h2 className="text-lg font-semibold text-slate-900 sm:col-span-2">{t("partnerArea.profile.about")}</h2>
        <Input name="nameZh" values={values} errors={at("nameZh")} />
        <Input name="nameEn" values={values} errors={at("nameEn")} />
        <About name="aboutZh" values={values} errors={at("aboutZh")} />
        <About name="aboutEn" values={values} errors={at("aboutEn")} />
        <Input name="website" type="url" values={values} errors={at("website")} />
        <Field name="country" errors={at("country")}>
          <select
            id="profile-country"
            name="country"
            defaultValue={text(values["country"])}
            aria-invalid={at("country")?.length ? true : undefined}
            aria-describedby={at("country")?.length ? "profile-country-error" : undefined}
            className={inputClass}
          >
            {countryOptions(locale).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Input name="city" values={values} errors={at("city")} />
        <Input name="district" values={values} errors={at("district")} />
      </section>
      <section className="space-y-4">
        <h2 className="text-lg font-semibold text-slate-900">{t("partnerArea.profile.offer")}</h2>
        <Choices
          name="tracks"
          options={tracks.map((tr) => ({ value: tr.code, label: localized(locale, tr.nameZh, tr.nameEn) }))}
          values={values}
          errors={at("tracks")}
        />
        <Choices
          name="regions"
          options={coded(REGIONS, (c) => t(`matching.region.${c}`))}
          values={values}
          errors={at("regions")}
        />
        {kind === "investor" ? (
          <>
            <Choices
              name="stages"
              options={coded(FUNDING_STAGES, (c) => t(`matching.stage.${c}`))}
              values={values}
              errors={at("stages")}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <Input name="ticketMinWan" type="number" values={values} errors={at("ticketMinWan")} />
              <Input name="ticketMaxWan" type="number" values={values} errors={at("ticketMaxWan")} />
            </div>
          </>
        ) : null}
        {kind === "park" ? (
          <>
            <Input name="areaM2" type="number" values={values} errors={at("areaM2")} />
            <Choices
              name="support"
              options={coded(PARK_SUPPORT, (c) => t(`partnerArea.support.${c}`))}
              values={values}
              errors={at("support")}
            />
          </>
        ) : null}
        {kind === "corporate" ? (
          <Choices
            name="customerKinds"
            options={coded(CUSTOMER_KINDS, (c) => t(`matching.customerKind.${c}`))}
            values={values}
            errors={at("customerKinds")}
          />
        ) : null}
      </section>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
      >
        {t("partnerArea.profile.save")}
      </button>
    </Form>
  );
}
