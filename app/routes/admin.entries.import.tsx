import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RefusalMessage } from "~/components/form-field";
import { refuse } from "~/domain/refusal";
import { pageTitle } from "~/i18n/meta";
import { refused } from "~/routing/refusals";
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES } from "~/services/entry-import.server";
import { organizerEdition } from "~/routing/edition.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "import.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await context.services.auth.requireUser(request, "organizer");
  return { columns: IMPORT_COLUMNS.join(", ") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const none = { report: null, committed: false };
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
    commit,
  );
  // A file that cannot be read at all is a 400; a file read with bad rows is a report of them.
  if (!outcome.ok) return refused(outcome, none);
  return { report: outcome.report, committed: commit, refusal: null };
}

export default function ImportEntries() {
  const { t } = useTranslation();
  const { columns } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const report = data?.report;
  const bad = report ? new Set(report.problems.map((p) => p.row)).size : 0;
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("import.title")}</h1>
      <p className="text-slate-700">{t("import.intro")}</p>
      <p className="text-sm text-slate-500">{t("import.columns", { columns })}</p>
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
            {t("import.run")}
          </button>
        </div>
      </Form>
      {/* The file's refusal is the page's message: there is one field. */}
      <RefusalMessage refusal={data?.refusal ? { code: data.refusal.code } : null} />
      {report ? (
        <section className="space-y-3" aria-live="polite">
          <p className="font-medium">{t("import.summary", { rows: report.rows, good: report.good, bad })}</p>
          {data?.committed ? (
            <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
              {t("import.imported", { count: report.imported })}
            </p>
          ) : null}
          {report.problems.length === 0 ? (
            <p className="text-sm text-slate-600">{t("import.noProblems")}</p>
          ) : (
            <div className="max-h-[32rem] overflow-auto rounded-xl border border-slate-200 bg-white">
              <table className="min-w-full text-sm">
                <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase text-slate-500">
                  <tr>
                    <th className="px-3 py-2">{t("import.row")}</th>
                    <th className="px-3 py-2">{t("import.column")}</th>
                    <th className="px-3 py-2">{t("import.problem")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {report.problems.slice(0, 1000).map((p, i) => (
                    <tr key={i}>
                      <td className="px-3 py-1.5 tabular-nums">{p.row}</td>
                      <td className="px-3 py-1.5 font-mono text-xs">{p.column ?? "—"}</td>
                      <td className="px-3 py-1.5">{t(p.message, { defaultValue: p.message })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </div>
  );
}
