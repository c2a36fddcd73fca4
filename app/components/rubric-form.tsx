import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DESCRIPTION_MAX, rubricSchema } from "~/domain/round-settings";
import { FormField, FormMessage, inputClass, TextInput } from "./form-field";

export type RubricDefaults = {
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  weight: string;
  max: string;
  step: string;
}[];

const EMPTY = { nameZh: "", nameEn: "", descriptionZh: "", descriptionEn: "", max: "10", step: "0.5" };

/**
 * The rubric editor: criteria with Chinese and English names, weight (%), maximum and step, and
 * in both languages what the marks mean (shown to judges under the criterion on their sheet).
 * Criteria are added and removed by Conform's list intents, which work without JavaScript too.
 * Once a score exists the rubric is shown read-only: marks would lose their meaning.
 */
export function RubricForm({
  defaults,
  locked,
  lastResult,
}: {
  defaults: RubricDefaults;
  locked: boolean;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      criteria: defaults.length ? defaults : [{ ...EMPTY, weight: "100" }],
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rubricSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const criteria = fields.criteria.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="form" value="rubric" />
      {locked ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("rubric.lockedNotice")}</p>
      ) : null}
      {form.errors?.length ? <FormMessage>{form.errors.map((e) => t(e)).join(" ")}</FormMessage> : null}
      {fields.criteria.errors?.length ? (
        <p id={fields.criteria.errorId} role="alert" className="text-sm text-rose-700">
          {fields.criteria.errors.map((e) => t(e)).join(" ")}
        </p>
      ) : null}
      <fieldset disabled={locked} className="space-y-3">
        <legend className="sr-only">{t("rubric.title")}</legend>
        {criteria.map((criterion, index) => {
          const c = criterion.getFieldset();
          return (
            <div
              key={criterion.key}
              className="grid gap-2 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-[2fr_2fr_1fr_1fr_1fr_auto]"
            >
              <FormField
                id={c.nameZh.id}
                label={t("rubric.nameZh")}
                errors={c.nameZh.errors}
                errorId={c.nameZh.errorId}
              >
                <TextInput {...getInputProps(c.nameZh, { type: "text" })} lang="zh-Hans" />
              </FormField>
              <FormField
                id={c.nameEn.id}
                label={t("rubric.nameEn")}
                errors={c.nameEn.errors}
                errorId={c.nameEn.errorId}
              >
                <TextInput {...getInputProps(c.nameEn, { type: "text" })} lang="en" />
              </FormField>
              <FormField
                id={c.weight.id}
                label={t("rubric.weight")}
                errors={c.weight.errors}
                errorId={c.weight.errorId}
              >
                <TextInput {...getInputProps(c.weight, { type: "text" })} inputMode="decimal" />
              </FormField>
              <FormField id={c.max.id} label={t("rubric.max")} errors={c.max.errors} errorId={c.max.errorId}>
                <TextInput {...getInputProps(c.max, { type: "text" })} inputMode="decimal" />
              </FormField>
              <FormField id={c.step.id} label={t("rubric.step")} errors={c.step.errors} errorId={c.step.errorId}>
                <TextInput {...getInputProps(c.step, { type: "text" })} inputMode="decimal" />
              </FormField>
              <div className="flex items-end">
                {criteria.length > 1 && !locked ? (
                  <button
                    {...form.remove.getButtonProps({ name: fields.criteria.name, index })}
                    className="rounded-md px-3 py-2 text-sm text-rose-700 hover:bg-rose-50"
                  >
                    {t("rubric.remove")}
                  </button>
                ) : null}
              </div>
              <div className="grid gap-2 sm:col-span-6 sm:grid-cols-2">
                <FormField
                  id={c.descriptionZh.id}
                  label={t("rubric.descriptionZh")}
                  hint={t("rubric.descriptionHint")}
                  errors={c.descriptionZh.errors}
                  errorId={c.descriptionZh.errorId}
                >
                  <textarea
                    {...getTextareaProps(c.descriptionZh)}
                    lang="zh-Hans"
                    rows={2}
                    maxLength={DESCRIPTION_MAX}
                    className={inputClass}
                  />
                </FormField>
                <FormField
                  id={c.descriptionEn.id}
                  label={t("rubric.descriptionEn")}
                  hint={t("rubric.descriptionHint")}
                  errors={c.descriptionEn.errors}
                  errorId={c.descriptionEn.errorId}
                >
                  <textarea
                    {...getTextareaProps(c.descriptionEn)}
                    lang="en"
                    rows={2}
                    maxLength={DESCRIPTION_MAX}
                    className={inputClass}
                  />
                </FormField>
              </div>
            </div>
          );
        })}
        {!locked ? (
          <div className="flex flex-wrap gap-3">
            {criteria.length < 12 ? (
              <button
                {...form.insert.getButtonProps({
                  name: fields.criteria.name,
                  defaultValue: { ...EMPTY, weight: "" },
                })}
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
              >
                + {t("rubric.add")}
              </button>
            ) : null}
            <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
              {t("rubric.save")}
            </button>
          </div>
        ) : null}
      </fieldset>
    </Form>
  );
}
