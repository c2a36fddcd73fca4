// The entrant's entry form, shared by the new-entry and edit pages.
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { groupHint, groupHintKey } from "~/domain/eligibility";
import { entryFormSchema, LIMITS } from "~/domain/entry-schemas";
import { FormField, FormMessage, inputClass, TextInput } from "./form-field";

export type EntryFormOptions = {
  groups: { code: string; name: string; region: "domestic" | "overseas"; countries: string[] }[];
  tracks: { code: string; name: string }[];
  countries: { code: string; name: string }[];
};

export type EntryFormDefaults = {
  group?: string;
  track?: string;
  titleZh?: string;
  titleEn?: string;
  summaryZh?: string;
  summaryEn?: string;
  organization?: string;
  country?: string;
  city?: string;
  website?: string;
  contactName?: string;
  contactEmail?: string;
  team?: { name: string; role: string; email?: string }[];
};

/** A group or track that can no longer change: its name to read, its code sent back as it is. */
function LockedChoice({
  id,
  name,
  code,
  choices,
  describedBy,
}: {
  id: string;
  name: string;
  code: string | undefined;
  choices: { code: string; name: string }[];
  /** The note saying why it is locked and who can change it. */
  describedBy: string;
}) {
  const label = choices.find((c) => c.code === code)?.name ?? code ?? "";
  return (
    <>
      <input type="hidden" name={name} value={code ?? ""} />
      <input
        id={id}
        type="text"
        readOnly
        value={label}
        aria-readonly="true"
        aria-describedby={describedBy}
        // Greyed like any read-only control, so it does not look like a field to type in.
        className={inputClass.replace("bg-white", "cursor-default bg-slate-100")}
        data-locked="true"
      />
    </>
  );
}

/** A group hint in words: the country and the group(s) by their names in the page's language. */
function useGroupHints(options: EntryFormOptions) {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language, { type: "disjunction" });
  const groupName = (code: string) => options.groups.find((g) => g.code === code)?.name ?? code;
  const countryName = (code: string) => options.countries.find((c) => c.code === code)?.name ?? code;
  return {
    text: (key: string, country: string, groups: string | number | undefined) =>
      t(key, {
        country: countryName(country),
        groups: list.format(
          String(groups ?? "")
            .split(",")
            .filter(Boolean)
            .map(groupName),
        ),
      }),
  };
}

/**
 * The entry form: Conform with the shared zod schema validates each field as it is left when
 * JavaScript runs; without it the same schema answers on the server and the page comes back with
 * the messages at their fields. Adding and removing team members works both ways too.
 */
export function EntryForm({
  options,
  defaults,
  lastResult,
  canSubmit,
  placementLocked = false,
  refusal = null,
}: {
  options: EntryFormOptions;
  defaults: EntryFormDefaults;
  /** The server's answer: field messages at their fields, a refusal of the whole form (closed, say) above them. */
  lastResult?: SubmissionResult<string[]> | null;
  canSubmit: boolean;
  /** A submitted entry keeps its group and track: shown, sent back unchanged, not editable. */
  placementLocked?: boolean;
  /** The server's refusal, whose params name the country and the group(s) of a group hint. */
  refusal?: { params?: Record<string, string | number> } | null;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { ...defaults, team: defaults.team?.length ? defaults.team : [{ name: "", role: "", email: "" }] },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: entryFormSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const team = fields.team.getFieldList();
  const lockNoteId = `${form.id}-placement-locked`;
  const length = (value: unknown) => (typeof value === "string" ? [...value].length : 0);
  const hints = useGroupHints(options);
  // Said as the entrant chooses, from the groups' countries in the page: no round trip needed.
  const liveHint = placementLocked
    ? null
    : groupHint(
        options.groups.map((g) => ({ code: g.code, region: g.region, eligibleCountries: g.countries })),
        fields.group.value,
        fields.country.value,
      );
  // The server's refusal names the country and groups in its params; other messages are plain keys.
  const countryErrors = fields.country.errors?.map((e) =>
    e.startsWith("entrant.hint.")
      ? hints.text(e, String(refusal?.params?.["country"] ?? fields.country.value ?? ""), refusal?.params?.["groups"])
      : e,
  );

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      {form.errors?.length ? <FormMessage>{form.errors.map((e) => t(e)).join(" ")}</FormMessage> : null}

      <div className="grid gap-4 sm:grid-cols-2">
        {placementLocked ? (
          <p
            id={lockNoteId}
            className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600 sm:col-span-2"
          >
            {t("entryHistory.placementLocked")}
          </p>
        ) : null}
        <FormField
          id={fields.group.id}
          label={t("common.group")}
          hint={placementLocked ? undefined : t("entryForm.groupHint")}
          errors={fields.group.errors}
          errorId={fields.group.errorId}
        >
          {placementLocked ? (
            <LockedChoice
              id={fields.group.id}
              name={fields.group.name}
              code={defaults.group}
              choices={options.groups}
              describedBy={lockNoteId}
            />
          ) : (
            <select {...getSelectProps(fields.group)} className={inputClass}>
              <option value="">{t("entryForm.choose")}</option>
              {options.groups.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id={fields.track.id}
          label={t("common.track")}
          errors={fields.track.errors}
          errorId={fields.track.errorId}
        >
          {placementLocked ? (
            <LockedChoice
              id={fields.track.id}
              name={fields.track.name}
              code={defaults.track}
              choices={options.tracks}
              describedBy={lockNoteId}
            />
          ) : (
            <select {...getSelectProps(fields.track)} className={inputClass}>
              <option value="">{t("entryForm.choose")}</option>
              {options.tracks.map((tr) => (
                <option key={tr.code} value={tr.code}>
                  {tr.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          id={fields.titleZh.id}
          label={t("entryForm.titleZh")}
          hint={t("entryForm.titleHint")}
          errors={fields.titleZh.errors}
          errorId={fields.titleZh.errorId}
        >
          <TextInput {...getInputProps(fields.titleZh, { type: "text" })} lang="zh-Hans" maxLength={LIMITS.titleZh} />
        </FormField>
        <FormField
          id={fields.titleEn.id}
          label={t("entryForm.titleEn")}
          errors={fields.titleEn.errors}
          errorId={fields.titleEn.errorId}
        >
          <TextInput {...getInputProps(fields.titleEn, { type: "text" })} lang="en" maxLength={LIMITS.titleEn} />
        </FormField>
        <FormField
          id={fields.summaryZh.id}
          label={t("entryForm.summaryZh")}
          hint={t("entryForm.summaryHint", { max: LIMITS.summaryZh, used: length(fields.summaryZh.value) })}
          errors={fields.summaryZh.errors}
          errorId={fields.summaryZh.errorId}
        >
          <textarea {...getTextareaProps(fields.summaryZh)} rows={5} lang="zh-Hans" className={inputClass} />
        </FormField>
        <FormField
          id={fields.summaryEn.id}
          label={t("entryForm.summaryEn")}
          hint={t("entryForm.summaryHint", { max: LIMITS.summaryEn, used: length(fields.summaryEn.value) })}
          errors={fields.summaryEn.errors}
          errorId={fields.summaryEn.errorId}
        >
          <textarea {...getTextareaProps(fields.summaryEn)} rows={5} lang="en" className={inputClass} />
        </FormField>
        <FormField
          id={fields.organization.id}
          label={t("common.organization")}
          errors={fields.organization.errors}
          errorId={fields.organization.errorId}
        >
          <TextInput {...getInputProps(fields.organization, { type: "text" })} autoComplete="organization" />
        </FormField>
        <FormField
          id={fields.country.id}
          label={t("common.country")}
          errors={countryErrors}
          errorId={fields.country.errorId}
        >
          <select {...getSelectProps(fields.country)} className={inputClass}>
            <option value="">{t("entryForm.choose")}</option>
            {options.countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          {liveHint && !countryErrors?.length ? (
            <p role="status" data-group-hint className="mt-1 rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-900">
              {hints.text(
                groupHintKey(liveHint),
                liveHint.country,
                liveHint.kind === "useGroups" ? liveHint.groups.join(",") : "",
              )}
            </p>
          ) : null}
        </FormField>
        <FormField
          id={fields.city.id}
          label={t("entryForm.city")}
          errors={fields.city.errors}
          errorId={fields.city.errorId}
        >
          <TextInput {...getInputProps(fields.city, { type: "text" })} autoComplete="address-level2" />
        </FormField>
        <FormField
          id={fields.website.id}
          label={t("common.website")}
          errors={fields.website.errors}
          errorId={fields.website.errorId}
        >
          <TextInput {...getInputProps(fields.website, { type: "url" })} placeholder="https://" />
        </FormField>
        <FormField
          id={fields.contactName.id}
          label={t("entryForm.contactName")}
          errors={fields.contactName.errors}
          errorId={fields.contactName.errorId}
        >
          <TextInput {...getInputProps(fields.contactName, { type: "text" })} autoComplete="name" />
        </FormField>
        <FormField
          id={fields.contactEmail.id}
          label={t("entryForm.contactEmail")}
          errors={fields.contactEmail.errors}
          errorId={fields.contactEmail.errorId}
        >
          <TextInput {...getInputProps(fields.contactEmail, { type: "email" })} autoComplete="email" />
        </FormField>
      </div>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">{t("entryForm.team")}</legend>
        <p className="text-xs text-slate-500">{t("entryForm.teamHint")}</p>
        {fields.team.errors?.length ? (
          <p id={fields.team.errorId} role="alert" className="text-sm text-rose-700">
            {fields.team.errors.map((e) => t(e)).join(" ")}
          </p>
        ) : null}
        {team.map((member, index) => {
          const m = member.getFieldset();
          return (
            <div
              key={member.key}
              className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-[1fr_1fr_1fr_auto]"
            >
              <FormField id={m.name.id} label={t("common.name")} errors={m.name.errors} errorId={m.name.errorId}>
                <TextInput {...getInputProps(m.name, { type: "text" })} />
              </FormField>
              <FormField
                id={m.role.id}
                label={t("entryForm.memberRole")}
                errors={m.role.errors}
                errorId={m.role.errorId}
              >
                <TextInput {...getInputProps(m.role, { type: "text" })} />
              </FormField>
              <FormField
                id={m.email.id}
                label={t("entryForm.memberEmail")}
                errors={m.email.errors}
                errorId={m.email.errorId}
              >
                <TextInput {...getInputProps(m.email, { type: "email" })} />
              </FormField>
              <div className="flex items-end">
                {team.length > LIMITS.teamMin ? (
                  <button
                    {...form.remove.getButtonProps({ name: fields.team.name, index })}
                    className="rounded-md px-3 py-2 text-sm text-rose-700 hover:bg-rose-50"
                  >
                    {t("entryForm.removeMember")}
                  </button>
                ) : null}
              </div>
            </div>
          );
        })}
        {team.length < LIMITS.teamMax ? (
          <button
            {...form.insert.getButtonProps({ name: fields.team.name, defaultValue: { name: "", role: "", email: "" } })}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
          >
            + {t("entryForm.addMember")}
          </button>
        ) : null}
      </fieldset>

      <FormField id={fields.consent.id} label="" errors={fields.consent.errors} errorId={fields.consent.errorId}>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input {...getInputProps(fields.consent, { type: "checkbox", value: "on" })} className="mt-1" />
          <span>{t("entryForm.consent")}</span>
        </label>
      </FormField>

      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          name="intent"
          value="save"
          disabled={busy}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
        >
          {t("common.saveDraft")}
        </button>
        {canSubmit ? (
          <button
            type="submit"
            name="intent"
            value="submit"
            disabled={busy}
            className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {t("entryForm.submit")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}
