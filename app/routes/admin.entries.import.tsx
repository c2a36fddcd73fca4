// The organizer's entry import: templates to download, a check of the file (nothing stored), an
// import of every row or none, then the new codes (and claim links) on the page and to download.
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportProblemTable } from "~/components/import-problem-table";
import { ImportTemplateLinks } from "~/components/import-template-links";
import { RefusalMessage } from "~/components/form-field";
import type { ImportProblem, Suggestion } from "~/domain/entry-import";
import { refuse } from "~/domain/refusal";
import { pageTitle } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { organizerEdition } from "~/routing/edition.server";
import { refused } from "~/routing/refusals";
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES } from "~/services/entry-import.server";
import { useFormats } from "~/i18n/formats";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "import.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await organizerEdition(request, context);
  // Claim links are shown whole, to be copied into an e-mail.
  return { columns: IMPORT_COLUMNS.join(", "), origin: new URL(request.url).origin };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const none = { report: null, committed: false };
  // The file comes as multipart; any other body has no file in it (the parser would throw).
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    return refused(refuse.invalid("import.noFile", "file"), none);
  }
  let formData: FormData;
  try {
    formData = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refused(refuse.invalid("import.tooLarge", "file"), none);
    throw error;
  }
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return refused(refuse.invalid("import.noFile", "file"), none);
  const commit = formData.get("mode") === "import";
  const outcome = await context.services.entryImport.run(
    user,
    competition.id,
    { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    { commit, invite: commit && formData.get("invite") === "on" },
  );
  // A file that cannot be read is a 400, and so is an import with a bad row (with the report of
  // them); a check is a report, whatever it found.
  if (!outcome.ok) return refused(outcome, "report" in outcome ? { report: outcome.report, committed: false } : none);
  return { report: outcome.report, committed: commit, refusal: null };
}

function SuggestionList({ problem }: { problem: ImportProblem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!problem.hint || !problem.suggestions?.length) return null;
  const label = (s: Suggestion) => `${s.code} (${localized(locale, s.nameZh, s.nameEn)})`;
  const key = { close: "import.hintClose", all: "import.hintAll", either: "import.hintEither" }[problem.hint];
  return <span className="block text-slate-600">{t(key, { list: problem.suggestions.map(label).join(", ") })}</span>;
}

export default function ImportEntries() {
  const { t } = useTranslation();
  const formats = useFormats();
  const { columns, origin } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const report = data?.report;
  const bad = report ? new Set(report.problems.map((p) => p.row)).size : 0;
  const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("import.title")}</h1>
      <p className="text-slate-700">{t("import.intro")}</p>
      <p className="text-sm text-slate-600">{t("import.forgiving")}</p>
      <p className="text-sm text-slate-500">{t("import.columns", { columns })}</p>
      <ImportTemplateLinks base="/admin/entries/import" />
      <Form
        method="post"
        encType="multipart/form-data"
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
      >
        <label className="block text-sm font-medium text-slate-700">
          {t("import.file")}
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="mt-1 block text-sm"
          />
        </label>
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="checkbox" name="invite" className="mt-1" />
          <span>
            {t("import.invite")}
            <span className="block text-xs text-slate-500">{t("import.inviteHelp")}</span>
          </span>
        </label>
        <div className="flex gap-2">
          <button
            type="submit"
            name="mode"
            value="check"
            disabled={busy}
            className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50"
          >
            {t("import.check")}
          </button>
          <button
            type="submit"
            name="mode"
            value="import"
            disabled={busy}
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
          >
            {t("import.runAll")}
          </button>
        </div>
      </Form>
      {/* The file's refusal is the page's message: there is one field. */}
      <RefusalMessage
        refusal={
          data?.refusal
            ? { code: data.refusal.code, ...(data.refusal.params ? { params: data.refusal.params } : {}) }
            : null
        }
      />
      {report ? (
        <section className="space-y-3" aria-live="polite">
          <p className="font-medium">{t("import.summary", { rows: report.rows, good: report.good, bad })}</p>
          {!data?.committed && report.problems.length === 0 && report.plan.length > 0 ? (
            <div className="text-sm text-slate-700">
              <p>{t("import.plan", { count: report.good })}</p>
              <ul className="ml-5 list-disc">
                {report.plan.map((line) => (
                  <li key={`${line.group}-${line.track}`}>{t("import.planLine", line)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {data?.committed ? (
            <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
              {t("import.imported", { count: report.imported })}
            </p>
          ) : null}
          {report.problems.length === 0 ? (
            <p className="text-sm text-slate-600">{t("import.noProblems")}</p>
          ) : (
            <ImportProblemTable
              problems={report.problems}
              describe={(p) => (
                <>
                  {t(p.message, { defaultValue: p.message, value: p.value ?? "" })}
                  <SuggestionList problem={p} />
                </>
              )}
            />
          )}
          {report.batch && report.created.length > 0 ? (
            <section className="space-y-2">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-lg font-semibold text-slate-900">{t("import.createdTitle")}</h2>
                <p className="flex items-center gap-2 text-sm">
                  <span>{t("import.download")}</span>
                  <a href={`/admin/entries/import/result.xlsx?batch=${report.batch}`} className={button}>
                    {t("import.downloadXlsx")}
                  </a>
                  <a href={`/admin/entries/import/result.csv?batch=${report.batch}`} className={button}>
                    {t("import.downloadCsv")}
                  </a>
                </p>
              </div>
              {report.claimUntil ? (
                <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  {t("import.claimUntil", {
                    date: formats.date(new Date(report.claimUntil), { dateStyle: "long" }),
                  })}{" "}
                  {t("import.emailLater")}
                </p>
              ) : null}
              <div className="max-h-[32rem] overflow-auto rounded-xl border border-slate-200 bg-white">
                <table className="min-w-full text-sm">
                  <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase text-slate-500">
                    <tr>
                      <th className="px-3 py-2">{t("import.row")}</th>
                      <th className="px-3 py-2">{t("import.code")}</th>
                      <th className="px-3 py-2">{t("import.entryTitle")}</th>
                      {report.claimUntil ? <th className="px-3 py-2">{t("import.claimLink")}</th> : null}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {report.created.slice(0, 1000).map((c) => (
                      <tr key={c.entryId}>
                        <td className="px-3 py-1.5 tabular-nums">{c.row}</td>
                        <td className="px-3 py-1.5 font-mono text-xs">
                          <Link to={`/admin/entries/${c.entryId}`} className="text-indigo-700 hover:underline">
                            {c.code}
                          </Link>
                        </td>
                        <td className="px-3 py-1.5">{localized(locale, c.titleZh, c.titleEn)}</td>
                        {report.claimUntil ? (
                          <td className="px-3 py-1.5 font-mono text-xs break-all">
                            {c.claimPath ? `${origin}${c.claimPath}` : t("import.claimed")}
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
