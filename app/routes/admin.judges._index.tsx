import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CountryLabel } from "~/components/country-label";
import { FormMessage, inputClass } from "~/components/form-field";
import { Section } from "~/components/section";
import { conflictDecisionSchema, JUDGE_CSV_COLUMNS } from "~/domain/judge-schemas";
import { countryOptions } from "~/i18n/countries";
import { resolveLocale } from "~/i18n/locale.server";
import { localized, useLocale } from "~/i18n/use-locale";
import { readSpreadsheet } from "~/services/entry-import.server";
import { SpreadsheetRefused } from "~/services/spreadsheet-reading/limits";
import type { JudgeImportReport } from "~/services/judges.server";
import { notFound } from "~/routing/responses";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "judges.title");

async function organizer({ request, context }: Pick<LoaderFunctionArgs, "request" | "context">) {
  const user = await context.services.auth.requireUser(request, "organizer");
  const competition = await context.services.competitions.latest();
  if (!competition) throw notFound();
  return { user, competition };
}

export async function loader(args: LoaderFunctionArgs) {
  const { competition } = await organizer(args);
  const q = z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .parse(new URL(args.request.url).searchParams.get("q") ?? undefined);
  const [judges, pending, options, locale] = await Promise.all([
    args.context.services.judges.list(competition.id, q),
    args.context.services.judges.pendingConflicts(competition.id),
    args.context.services.registration.options(competition.id),
    resolveLocale(args.request),
  ]);
  return {
    q: q ?? "",
    judges,
    pending,
    tracks: options.tracks.map((t) => ({ code: t.code, nameZh: t.name_zh, nameEn: t.name_en })),
    countries: countryOptions(locale),
  };
}

type ActionData = {
  form: string;
  field: string | null;
  message: string | null;
  report?: JudgeImportReport;
  values?: Record<string, string>;
};

export async function action(args: ActionFunctionArgs): Promise<ActionData | Response> {
  const { user, competition } = await organizer(args);
  const judges = args.context.services.judges;
  if ((args.request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    let formData: FormData;
    try {
      formData = await parseMultipartFormData(args.request, createMemoryUploadHandler({ maxPartSize: 900_000 }));
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError)
        return { form: "import", field: "file", message: "import.tooLarge" };
      throw error;
    }
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { form: "import", field: "file", message: "import.noFile" };
    let records: Record<string, string>[];
    try {
      records = await readSpreadsheet(file.name, new Uint8Array(await file.arrayBuffer()));
    } catch (error) {
      return {
        form: "import",
        field: "file",
        message: error instanceof SpreadsheetRefused ? error.code : "import.unreadable",
      };
    }
    if (records.length === 0) return { form: "import", field: "file", message: "import.empty" };
    const report = await judges.importCsv(user, competition.id, records, formData.get("mode") !== "import");
    return { form: "import", field: null, message: null, report };
  }
  const formData = await args.request.formData();
  const form = String(formData.get("form") ?? "");
  if (form === "create") {
    const values = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]));
    values["tracks"] = formData.getAll("tracks").map(String).join(";");
    const outcome = await judges.create(user, competition.id, values);
    if (!outcome.ok) return { form, field: outcome.field, message: outcome.message, values };
    return redirect(`/admin/judges/${outcome.judgeId}?created=1`);
  }
  if (form === "suggest") {
    const found = await judges.suggestConflicts(user, competition.id);
    return redirect(`/admin/judges?suggested=${found}#conflicts`);
  }
  if (form === "decide") {
    const parsed = conflictDecisionSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success)
      return {
        form,
        field: String(parsed.error.issues[0]?.path[0] ?? ""),
        message: parsed.error.issues[0]?.message ?? "validation.required",
        values: { conflictId: String(formData.get("conflictId")) },
      };
    const outcome = await judges.decideConflict(
      user,
      competition.id,
      parsed.data.conflictId,
      parsed.data.decision,
      parsed.data.reason,
    );
    if (!outcome.ok)
      return {
        form,
        field: outcome.field,
        message: outcome.message,
        values: { conflictId: String(parsed.data.conflictId) },
      };
    return redirect(`/admin/judges?decided=${parsed.data.decision}#conflicts`);
  }
  return { form, field: null, message: "validation.required" };
}

/** Judges: the list, adding one, importing many, and the conflicts the system suggests. */
export default function AdminJudges() {
  const { q, judges, pending, tracks, countries } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const createError = (field: string) => (data?.form === "create" && data.field === field ? data.message : null);
  const v = data?.form === "create" ? (data.values ?? {}) : {};
  const input = (name: string, extra: Record<string, unknown> = {}) => ({
    id: `judge-${name}`,
    name,
    defaultValue: v[name] ?? "",
    "aria-invalid": createError(name) ? true : undefined,
    "aria-describedby": createError(name) ? `judge-${name}-error` : undefined,
    className: inputClass,
    ...extra,
  });
  const fieldError = (name: string) =>
    createError(name) ? (
      <p id={`judge-${name}-error`} role="alert" className="text-sm text-rose-700">
        {t(createError(name)!)}
      </p>
    ) : null;
  return (
    <div className="mx-auto max-w-6xl space-y-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("judges.title")}</h1>

      <Section id="list" title={t("judges.listTitle", { count: judges.length })}>
        <Form method="get" className="mt-2 flex gap-2">
          <input
            type="search"
            name="q"
            defaultValue={q}
            placeholder={t("judges.search")}
            aria-label={t("judges.search")}
            className={inputClass}
          />
          <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
            {t("results.apply")}
          </button>
        </Form>
        <div className="mt-2 max-h-[28rem] overflow-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-slate-50 text-slate-500">
              <tr>
                <th className="px-2 py-2">{t("judges.name")}</th>
                <th className="px-2">{t("judges.affiliation")}</th>
                <th className="px-2">{t("judges.country")}</th>
                <th className="px-2">{t("judges.tracks")}</th>
                <th className="px-2">{t("judges.conflicts")}</th>
                <th className="px-2">{t("judges.account")}</th>
              </tr>
            </thead>
            <tbody>
              {judges.map((j) => (
                <tr key={j.id} className="border-t border-slate-100">
                  <td className="px-2 py-1">
                    <Link to={`/admin/judges/${j.id}`} className="text-indigo-700 hover:underline">
                      {j.name}
                    </Link>
                    <span className="block text-xs text-slate-500">{j.email}</span>
                  </td>
                  <td className="px-2">{j.affiliation}</td>
                  <td className="px-2">
                    <CountryLabel code={j.country} locale={locale} />
                  </td>
                  <td className="px-2 font-mono text-xs">{j.tracks ?? ""}</td>
                  <td className="px-2 font-mono">
                    {j.conflicts ?? 0}
                    {j.pending ? <span className="ml-1 text-amber-700">+{j.pending}?</span> : null}
                  </td>
                  <td className="px-2 text-xs">
                    {j.disabled_at ? t("users.disabled") : j.invited ? t("judges.invited") : t("users.active")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="create" title={t("judges.createTitle")}>
          {data?.form === "create" && data.message && !data.field ? <FormMessage>{t(data.message)}</FormMessage> : null}
          <Form method="post" className="mt-2 space-y-3 rounded-xl border border-slate-200 bg-white p-4" noValidate>
            <input type="hidden" name="form" value="create" />
            <div>
              <label htmlFor="judge-email" className="block text-sm font-medium text-slate-700">
                {t("auth.email")}
              </label>
              <input {...input("email", { type: "email" })} />
              {fieldError("email")}
            </div>
            <div>
              <label htmlFor="judge-name" className="block text-sm font-medium text-slate-700">
                {t("judges.name")}
              </label>
              <input {...input("name")} />
              {fieldError("name")}
            </div>
            <div>
              <label htmlFor="judge-title" className="block text-sm font-medium text-slate-700">
                {t("judges.jobTitle")}
              </label>
              <input {...input("title")} />
              {fieldError("title")}
            </div>
            <div>
              <label htmlFor="judge-affiliation" className="block text-sm font-medium text-slate-700">
                {t("judges.affiliation")}
              </label>
              <input {...input("affiliation")} />
              {fieldError("affiliation")}
            </div>
            <div>
              <label htmlFor="judge-country" className="block text-sm font-medium text-slate-700">
                {t("judges.country")}
              </label>
              <select {...input("country")}>
                <option value="">{t("entryForm.choose")}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
              {fieldError("country")}
            </div>
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

        <Section id="import" title={t("judges.importTitle")}>
          <p className="mt-1 text-sm text-slate-600">
            {t("judges.importHelp", { columns: JUDGE_CSV_COLUMNS.join(", ") })}
          </p>
          <Form
            method="post"
            encType="multipart/form-data"
            className="mt-2 space-y-2 rounded-xl border border-slate-200 bg-white p-4"
          >
            <label htmlFor="judge-file" className="block text-sm font-medium text-slate-700">
              {t("judges.file")}
            </label>
            <input
              id="judge-file"
              type="file"
              name="file"
              accept=".csv,.xlsx,text/csv"
              required
              className="block text-sm"
            />
            <div className="flex gap-2">
              <button
                type="submit"
                name="mode"
                value="check"
                className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium"
              >
                {t("import.check")}
              </button>
              <button
                type="submit"
                name="mode"
                value="import"
                className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white"
              >
                {t("import.run")}
              </button>
            </div>
          </Form>
          {data?.form === "import" && data.message ? <FormMessage>{t(data.message)}</FormMessage> : null}
          {data?.form === "import" && data.report ? (
            <div role="status" className="mt-2 space-y-2 text-sm">
              <p>
                {t("import.summary", {
                  rows: data.report.rows,
                  good: data.report.good,
                  bad: data.report.rows - data.report.good,
                })}
              </p>
              {data.report.imported ? (
                <p className="font-medium text-emerald-800">{t("judges.imported", { count: data.report.imported })}</p>
              ) : null}
              {data.report.problems.length ? (
                <table className="w-full text-left">
                  <thead className="text-slate-500">
                    <tr>
                      <th>{t("import.row")}</th>
                      <th>{t("import.column")}</th>
                      <th>{t("import.problem")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.report.problems.map((p: JudgeImportReport["problems"][number], i: number) => (
                      <tr key={i}>
                        <td className="font-mono">{p.row}</td>
                        <td className="font-mono">{p.column}</td>
                        <td>{t(p.message)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p>{t("import.noProblems")}</p>
              )}
            </div>
          ) : null}
        </Section>
      </div>

      <Section id="conflicts" title={t("conflicts.suggestedTitle", { count: pending.length })}>
        <p className="mt-1 text-sm text-slate-600">{t("conflicts.help")}</p>
        {search.has("suggested") ? (
          <p role="status" className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t("conflicts.found", { count: Number(search.get("suggested")) })}
          </p>
        ) : null}
        {search.has("decided") ? (
          <p role="status" className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t(`conflicts.decided.${search.get("decided") === "dismissed" ? "dismissed" : "confirmed"}`)}
          </p>
        ) : null}
        {data?.form === "decide" && data.message && !data.field ? <FormMessage>{t(data.message)}</FormMessage> : null}
        <Form method="post" className="mt-2">
          <input type="hidden" name="form" value="suggest" />
          <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
            {t("conflicts.detect")}
          </button>
        </Form>
        <ul className="mt-3 space-y-2">
          {pending.map((c) => {
            const error =
              data?.form === "decide" && data.values?.["conflictId"] === String(c.id) && data.field === "reason"
                ? data.message
                : null;
            return (
              <li key={c.id} className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm">
                <p>
                  <Link to={`/admin/judges/${c.judgeId}`} className="font-medium text-indigo-700 hover:underline">
                    {c.judgeName}
                  </Link>{" "}
                  ({c.affiliation}) ↔{" "}
                  <Link to={`/admin/entries/${c.entryId}`} className="font-mono text-indigo-700 hover:underline">
                    {c.code}
                  </Link>{" "}
                  {c.organization}
                </p>
                <p className="text-slate-700">
                  {t(`conflicts.reason.${(c.reason ?? "").split(":")[0]}`, { defaultValue: c.reason ?? "" })} ·{" "}
                  {(c.reason ?? "").split(": ").slice(1).join(": ")}
                </p>
                <Form method="post" className="mt-2 flex flex-wrap items-start gap-2">
                  <input type="hidden" name="form" value="decide" />
                  <input type="hidden" name="conflictId" value={c.id} />
                  <div>
                    <input
                      name="reason"
                      maxLength={500}
                      placeholder={t("conflicts.reasonPlaceholder")}
                      aria-label={t("admin.reason")}
                      aria-invalid={error ? true : undefined}
                      className={inputClass}
                    />
                    {error ? (
                      <p role="alert" className="text-sm text-rose-700">
                        {t(error)}
                      </p>
                    ) : null}
                  </div>
                  <button
                    type="submit"
                    name="decision"
                    value="confirmed"
                    className="rounded-md bg-rose-700 px-3 py-2 text-sm font-medium text-white"
                  >
                    {t("conflicts.confirm")}
                  </button>
                  <button
                    type="submit"
                    name="decision"
                    value="dismissed"
                    className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium"
                  >
                    {t("conflicts.dismiss")}
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      </Section>
    </div>
  );
}
