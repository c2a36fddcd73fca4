// The set-up page's forms: a group (code, names, who may enter) and a track (code, names), each used
// both to add one and to edit one. Plain forms: the server's schema answers, each message at its field.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ELIGIBILITY_PRESETS, presetOf } from "~/domain/eligibility-presets";
import { messagesAt } from "~/domain/refusal";
import { FormMessage, inputClass, refusalOptions, type PageRefusal } from "./form-field";

export type GroupValues = { code: string; nameZh: string; nameEn: string; countries: string[] };
export type TrackValues = { code: string; nameZh: string; nameEn: string };

const button =
  "rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60";

/** One labelled input of a set-up form, its message (if any) under it with a stable id. */
function Field({
  form,
  name,
  label,
  hint,
  refusal,
  children,
}: {
  form: string;
  name: string;
  label: string;
  hint?: string;
  refusal: PageRefusal | null;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const errors = messagesAt(refusal, name);
  const id = `${form}-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({
        id,
        ...(errors.length ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {}),
      })}
      {hint && !errors.length ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {errors.length ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-rose-700">
          {errors.map((e) => t(e, refusalOptions(refusal))).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function Names({ form, values, refusal }: { form: string; values: TrackValues; refusal: PageRefusal | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Field form={form} name="nameZh" label={t("editions.fields.nameZh")} refusal={refusal}>
        {(p) => (
          <input
            {...p}
            name="nameZh"
            defaultValue={values.nameZh}
            lang="zh-Hans"
            maxLength={120}
            className={inputClass}
          />
        )}
      </Field>
      <Field form={form} name="nameEn" label={t("editions.fields.nameEn")} refusal={refusal}>
        {(p) => (
          <input {...p} name="nameEn" defaultValue={values.nameEn} lang="en" maxLength={120} className={inputClass} />
        )}
      </Field>
    </>
  );
}

/** Add (no `id`) or edit (with `id`) a group; `locked` when entries use it (code and who may enter stay). */
export function GroupForm({
  id,
  values,
  refusal,
  countries,
  locked = false,
}: {
  id?: number;
  values: GroupValues;
  refusal: PageRefusal | null;
  countries: readonly { code: string; name: string }[];
  locked?: boolean;
}) {
  const { t } = useTranslation();
  const form = id === undefined ? "group" : `group-${id}`;
  const preset = presetOf(values.countries);
  const typed = preset ? "" : values.countries.join(", ");
  const fieldMessage = refusal && !refusal.field && !refusal.fields ? refusal : null;
  return (
    <Form method="post" className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="form" value={id === undefined ? "group" : "editGroup"} />
      {id !== undefined ? <input type="hidden" name="id" value={id} /> : null}
      {/* A locked group's rule is sent as it is (its disabled fields are not), so only the names change. */}
      {locked ? <input type="hidden" name="countries" value={values.countries.join(" ")} /> : null}
      {fieldMessage ? (
        <div className="sm:col-span-2">
          <FormMessage>{t(fieldMessage.code, refusalOptions(fieldMessage))}</FormMessage>
        </div>
      ) : null}
      <Field
        form={form}
        name="code"
        label={t("editions.setup.code")}
        hint={t("editions.setup.groupCodeHint")}
        refusal={refusal}
      >
        {(p) => (
          <input
            {...p}
            name="code"
            defaultValue={values.code}
            readOnly={locked}
            maxLength={4}
            autoCapitalize="characters"
            className={inputClass}
          />
        )}
      </Field>
      <div />
      <Names form={form} values={values} refusal={refusal} />
      <fieldset className="space-y-3 sm:col-span-2" disabled={locked}>
        <legend className="text-sm font-medium text-slate-700">{t("editions.setup.whoMayEnter")}</legend>
        <Field form={form} name="preset" label={t("editions.setup.preset")} refusal={refusal}>
          {(p) => (
            <select {...p} name="preset" defaultValue={preset ?? "custom"} className={inputClass}>
              <option value="custom">{t("editions.setup.presetCustom")}</option>
              {ELIGIBILITY_PRESETS.map((code) => (
                <option key={code} value={code}>
                  {t(`editions.presets.${code}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          form={form}
          name="countries"
          label={t("editions.setup.countries")}
          hint={t("editions.setup.countriesHint")}
          refusal={refusal}
        >
          {(p) => (
            <input {...p} name="countries" defaultValue={typed} autoCapitalize="characters" className={inputClass} />
          )}
        </Field>
        <label className="block text-sm text-slate-700">
          <span className="block font-medium">{t("editions.setup.chooseCountries")}</span>
          <select
            name="countries"
            multiple
            size={5}
            className={inputClass}
            aria-label={t("editions.setup.chooseCountries")}
          >
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {locked ? <p className="text-xs text-slate-500 sm:col-span-2">{t("editions.errors.groupInUse")}</p> : null}
      <div className="sm:col-span-2">
        <button type="submit" className={button}>
          {id === undefined ? t("editions.setup.add") : t("editions.setup.save")}
        </button>
      </div>
    </Form>
  );
}

/** Add (no `id`) or edit (with `id`) a track; `locked` when entries use it (its code stays). */
export function TrackForm({
  id,
  values,
  refusal,
  locked = false,
}: {
  id?: number;
  values: TrackValues;
  refusal: PageRefusal | null;
  locked?: boolean;
}) {
  const { t } = useTranslation();
  const form = id === undefined ? "track" : `track-${id}`;
  const fieldMessage = refusal && !refusal.field && !refusal.fields ? refusal : null;
  return (
    <Form method="post" className="grid gap-3 sm:grid-cols-3">
      <input type="hidden" name="form" value={id === undefined ? "track" : "editTrack"} />
      {id !== undefined ? <input type="hidden" name="id" value={id} /> : null}
      {fieldMessage ? (
        <div className="sm:col-span-3">
          <FormMessage>{t(fieldMessage.code, refusalOptions(fieldMessage))}</FormMessage>
        </div>
      ) : null}
      <Field
        form={form}
        name="code"
        label={t("editions.setup.code")}
        hint={t("editions.setup.trackCodeHint")}
        refusal={refusal}
      >
        {(p) => (
          <input
            {...p}
            name="code"
            defaultValue={values.code}
            readOnly={locked}
            maxLength={4}
            autoCapitalize="characters"
            className={inputClass}
          />
        )}
      </Field>
      <Names form={form} values={values} refusal={refusal} />
      <div className="sm:col-span-3">
        <button type="submit" className={button}>
          {id === undefined ? t("editions.setup.add") : t("editions.setup.save")}
        </button>
      </div>
    </Form>
  );
}
