// A partner's profile fields (app/domain/partner-profile.ts) for the invitation and edit forms:
// bilingual names and "about", country and place, tracks and regions, and the fields of its kind.
// Each field shows its own errors (i18n keys from the shared schema, translated at the field).
import { useTranslation } from "react-i18next";
import { FormField, inputClass } from "~/components/form-field";
import { CUSTOMER_KINDS, FUNDING_STAGES, PARK_SUPPORT, REGIONS, type PartnerKind } from "~/domain/partner-vocabulary";

export type ProfileFormValues = Record<string, string | string[] | undefined>;
export type FieldErrors = Record<string, string[] | null | undefined> | null | undefined;
type Option = { code: string; name: string };

const asList = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const asText = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

function aria(name: string, errors: FieldErrors) {
  const bad = Boolean(errors?.[name]?.length);
  return { "aria-invalid": bad ? true : undefined, "aria-describedby": bad ? `partner-${name}-error` : undefined };
}

export function TextField(props: {
  name: string;
  values: ProfileFormValues;
  errors: FieldErrors;
  type?: string;
  multiline?: boolean;
  lang?: string;
}) {
  const { t } = useTranslation();
  const { name, values, errors } = props;
  const common = {
    id: `partner-${name}`,
    name,
    defaultValue: asText(values[name]),
    className: inputClass,
    lang: props.lang,
    ...aria(name, errors),
  };
  return (
    <FormField
      id={common.id}
      label={t(`partners.fields.${name}`)}
      errors={errors?.[name] ?? undefined}
      errorId={`partner-${name}-error`}
    >
      {props.multiline ? <textarea {...common} rows={3} /> : <input {...common} type={props.type ?? "text"} />}
    </FormField>
  );
}

function Checks({
  name,
  options,
  values,
  errors,
}: {
  name: string;
  options: Option[];
  values: ProfileFormValues;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const chosen = new Set(asList(values[name]));
  const bad = errors?.[name]?.length ? errors[name]! : null;
  return (
    <fieldset className="space-y-1" aria-describedby={bad ? `partner-${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700">{t(`partners.fields.${name}`)}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.code} className="flex items-center gap-1 text-sm text-slate-700">
            <input type="checkbox" name={name} value={o.code} defaultChecked={chosen.has(o.code)} />
            {o.name}
          </label>
        ))}
      </div>
      {bad ? (
        <p id={`partner-${name}-error`} role="alert" className="text-sm text-rose-700">
          {bad.map((e) => t(e, { defaultValue: e, value: "" })).join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The profile's fields; `kind` decides which offer fields are shown (the others are not kept). */
export function PartnerProfileFields({
  kind,
  values,
  errors,
  tracks,
  countries,
}: {
  kind: PartnerKind;
  values: ProfileFormValues;
  errors: FieldErrors;
  tracks: Option[];
  countries: Option[];
}) {
  const { t } = useTranslation();
  const label = (prefix: string) => (code: string) => ({ code, name: t(`${prefix}.${code}`) });
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="nameZh" lang="zh-Hans" values={values} errors={errors} />
        <TextField name="nameEn" lang="en" values={values} errors={errors} />
        <FormField
          id="partner-country"
          label={t("partners.fields.country")}
          errors={errors?.["country"] ?? undefined}
          errorId="partner-country-error"
        >
          <select
            id="partner-country"
            name="country"
            defaultValue={asText(values["country"]) || "CN"}
            className={inputClass}
            {...aria("country", errors)}
          >
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </FormField>
        <TextField name="website" type="url" values={values} errors={errors} />
        <TextField name="city" values={values} errors={errors} />
        <TextField name="district" values={values} errors={errors} />
      </div>
      <Checks name="tracks" options={tracks} values={values} errors={errors} />
      <Checks name="regions" options={REGIONS.map(label("matching.region"))} values={values} errors={errors} />
      {kind === "investor" ? (
        <>
          <Checks name="stages" options={FUNDING_STAGES.map(label("matching.stage"))} values={values} errors={errors} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="ticketMinWan" type="number" values={values} errors={errors} />
            <TextField name="ticketMaxWan" type="number" values={values} errors={errors} />
          </div>
        </>
      ) : null}
      {kind === "park" ? (
        <>
          <TextField name="areaM2" type="number" values={values} errors={errors} />
          <Checks
            name="support"
            options={PARK_SUPPORT.map(label("partners.support"))}
            values={values}
            errors={errors}
          />
        </>
      ) : null}
      {kind === "corporate" ? (
        <Checks
          name="customerKinds"
          options={CUSTOMER_KINDS.map(label("matching.customerKind"))}
          values={values}
          errors={errors}
        />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="aboutZh" lang="zh-Hans" multiline values={values} errors={errors} />
        <TextField name="aboutEn" lang="en" multiline values={values} errors={errors} />
      </div>
    </div>
  );
}

/** A form's values as the profile schema reads them: list fields as every repeated value. */
export function profileRaw(formData: FormData): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of formData) if (typeof v === "string") raw[k] = v;
  for (const list of ["tracks", "regions", "stages", "support", "customerKinds"])
    raw[list] = formData.getAll(list).map(String);
  return raw;
}
