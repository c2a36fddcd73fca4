// The entrant's needs-and-consent form (app/domain/needs-form.ts): each need's fields together, the
// home region, a note, and the consent checkbox with the words of what partners will see.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormField, inputClass } from "~/components/form-field";
import { CUSTOMER_KINDS, FUNDING_STAGES, REGIONS } from "~/domain/partner-vocabulary";

export type NeedsValues = Record<string, string | undefined>;

function Select({
  name,
  options,
  prefix,
  value,
  errors,
  empty,
}: {
  name: string;
  options: readonly string[];
  prefix: string;
  value: string | undefined;
  errors: string[] | undefined;
  empty: boolean;
}) {
  const { t } = useTranslation();
  return (
    <FormField id={`needs-${name}`} label={t(`matching.needs.${name}`)} errors={errors} errorId={`needs-${name}-error`}>
      <select
        id={`needs-${name}`}
        name={name}
        defaultValue={value ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `needs-${name}-error` : undefined}
        className={inputClass}
      >
        {empty ? <option value="">{t("matching.needs.none")}</option> : null}
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${prefix}.${o}`)}
          </option>
        ))}
      </select>
    </FormField>
  );
}

function Input({
  name,
  value,
  errors,
  type = "text",
  placeholder,
}: {
  name: string;
  value: string | undefined;
  errors: string[] | undefined;
  type?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  return (
    <FormField id={`needs-${name}`} label={t(`matching.needs.${name}`)} errors={errors} errorId={`needs-${name}-error`}>
      <input
        id={`needs-${name}`}
        name={name}
        type={type}
        placeholder={placeholder}
        defaultValue={value ?? ""}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `needs-${name}-error` : undefined}
        className={inputClass}
      />
    </FormField>
  );
}

export function NeedsForm({
  values,
  errors,
  consented,
}: {
  values: NeedsValues;
  errors: Record<string, string[] | null> | undefined;
  consented: boolean;
}) {
  const { t } = useTranslation();
  const err = (n: string) => errors?.[n] ?? undefined;
  return (
    <Form
      method="post"
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-4"
      aria-label={t("matching.needs.save")}
    >
      <input type="hidden" name="form" value="needs" />
      <Select
        name="region"
        options={REGIONS}
        prefix="matching.region"
        value={values["region"]}
        errors={err("region")}
        empty={false}
      />
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-semibold text-slate-900">{t("matching.needs.financing")}</legend>
        <Input
          name="financingAmountWan"
          type="number"
          value={values["financingAmountWan"]}
          errors={err("financingAmountWan")}
        />
        <Select
          name="financingStage"
          options={FUNDING_STAGES}
          prefix="matching.stage"
          value={values["financingStage"]}
          errors={err("financingStage")}
          empty
        />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-semibold text-slate-900">{t("matching.needs.space")}</legend>
        <Input name="spaceAreaM2" type="number" value={values["spaceAreaM2"]} errors={err("spaceAreaM2")} />
        <Input name="spaceCity" value={values["spaceCity"]} errors={err("spaceCity")} />
        <Input
          name="spaceFromMonth"
          placeholder="2027-03"
          value={values["spaceFromMonth"]}
          errors={err("spaceFromMonth")}
        />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-semibold text-slate-900">{t("matching.needs.market")}</legend>
        <Select
          name="marketCustomerKind"
          options={CUSTOMER_KINDS}
          prefix="matching.customerKind"
          value={values["marketCustomerKind"]}
          errors={err("marketCustomerKind")}
          empty
        />
        <Select
          name="marketRegion"
          options={REGIONS}
          prefix="matching.region"
          value={values["marketRegion"]}
          errors={err("marketRegion")}
          empty
        />
      </fieldset>
      <FormField
        id="needs-note"
        label={t("matching.needs.note")}
        errors={err("note") ?? undefined}
        errorId="needs-note-error"
      >
        <textarea
          id="needs-note"
          name="note"
          maxLength={2000}
          rows={3}
          defaultValue={values["note"] ?? ""}
          className={inputClass}
        />
      </FormField>
      <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
        <label className="flex items-start gap-2 text-sm font-medium text-slate-900">
          <input type="checkbox" name="consent" defaultChecked={consented} className="mt-1" />
          <span>{t("matching.needs.consent")}</span>
        </label>
        <p className="mt-1 text-sm text-slate-700">{t("matching.needs.consentText")}</p>
      </div>
      <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">
        {t("matching.needs.save")}
      </button>
    </Form>
  );
}
