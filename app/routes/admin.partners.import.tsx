// The organizer's partner import: templates to download, a preview of the file (rows read,
// partners by kind, every problem at its row and column; nothing is stored), the confirmation that
// creates them all in one transaction, and the undo of an import while none of it is in use.
import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportProblemTable } from "~/components/import-problem-table";
import { ImportTemplateLinks } from "~/components/import-template-links";
import { z } from "zod";
import { RefusalMessage } from "~/components/form-field";
import { idSchema } from "~/domain/common-schemas";
import { PARTNER_KINDS } from "~/domain/partner-vocabulary";
import { refuse } from "~/domain/refusal";
import { useFormats } from "~/i18n/formats";
import { pageTitle } from "~/i18n/meta";
import { organizerEdition } from "~/routing/edition.server";
import { refused, throwRefusal } from "~/routing/refusals";
import { MAX_IMPORT_BYTES } from "~/services/entry-import.server";
import type { PartnerImportReport } from "~/services/follow-on/partner-import.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "partnersAdmin.import.title");

const stepForm = z.object({ step: z.enum(["confirm", "undo"]), importId: idSchema });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const recent = await context.services.partnerImport.recent(user, competition.id);
  if (!recent.ok) throwRefusal(recent);
  return { imports: recent.imports };
}

type Answer = {
  step: "preview" | "confirm" | "undo";
  importId?: number;
  report?: PartnerImportReport | null;
  refusal?: { code: string; field?: string; params?: Record<string, string | number> } | null;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const service = context.services.partnerImport;
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    const parsed = stepForm.safeParse(Object.fromEntries(await request.formData()));
    if (!parsed.success) return refused(refuse.invalid("import.noFile", "file"), { step: "preview" });
    const { step, importId } = parsed.data;
    if (step === "undo") {
      const out = await service.undo(user, competition.id, importId);
      if (!out.ok) return refused(out, { step, importId });
      return redirect(`/admin/partners/import?undone=${out.removed}`);
    }
    const out = await service.confirm(user, competition.id, importId);
    if (!out.ok) return refused(out, { step, importId, report: "report" in out ? out.report : null });
    return redirect(`/admin/partners/import?created=${out.created}`);
  }
  let formData: FormData;
  try {
    formData = await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return refused(refuse.invalid("import.tooLarge", "file"), { step: "preview" });
    throw error;
  }
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0)
    return refused(refuse.invalid("import.noFile", "file"), { step: "preview" });
  const out = await service.preview(user, competition.id, {
    name: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  if (!out.ok) return refused(out, { step: "preview", report: "report" in out ? out.report : null });
  return { step: "preview", importId: out.importId, report: out.report, refusal: null };
}

function ProblemTable({ report }: { report: PartnerImportReport }) {
  const { t } = useTranslation();
  return (
    <ImportProblemTable
      problems={report.problems}
      testId="import-problems"
      describe={(p) => t(p.code, { defaultValue: p.code, column: p.column, value: "", ...p.params })}
    />
  );
}

export default function ImportPartners() {
  const { imports } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const [search] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const formats = useFormats();
  const { t } = useTranslation();
  const report = answer?.report;
  const bad = report ? new Set(report.problems.map((p) => p.row)).size : 0;
  const total = report ? PARTNER_KINDS.reduce((n, k) => n + report.byKind[k], 0) : 0;
  const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";
  const created = search.get("created");
  const undone = search.get("undone");
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <Link to="/admin/partners" className="text-sm font-medium text-indigo-700 hover:underline">
        ← {t("partnersAdmin.import.back")}
      </Link>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("partnersAdmin.import.title")}</h1>
      <p className="text-slate-700">{t("partnersAdmin.import.intro")}</p>
      <ImportTemplateLinks base="/admin/partners/import" />
      {created || undone ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {created
            ? t("partnersAdmin.import.confirmed", { count: Number(created) })
            : t("partnersAdmin.import.undoneDone", { count: Number(undone) })}
        </p>
      ) : null}
      <Form
        method="post"
        encType="multipart/form-data"
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
      >
        <label className="block text-sm font-medium text-slate-700">
          {t("partnersAdmin.import.file")}
          <input
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="mt-1 block text-sm"
          />
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white"
        >
          {t("partnersAdmin.import.preview")}
        </button>
      </Form>
      {answer?.step !== "undo" ? <RefusalMessage refusal={answer?.refusal} /> : null}
      {report ? (
        <section className="space-y-3" aria-live="polite">
          <p className="font-medium">{t("partnersAdmin.import.summary", { rows: report.rows, bad })}</p>
          {report.problems.length > 0 ? (
            <ProblemTable report={report} />
          ) : answer?.importId && answer.step === "preview" ? (
            <Form method="post" className="space-y-2 rounded-xl border border-indigo-200 bg-indigo-50 p-4">
              <p className="text-sm text-slate-800">{t("partnersAdmin.import.willCreate", { count: total })}</p>
              <ul className="ml-5 list-disc text-sm" data-testid="import-by-kind">
                {PARTNER_KINDS.map((k) => (
                  <li key={k}>
                    {t("partnersAdmin.import.byKind", { kind: t(`matching.kind.${k}`), count: report.byKind[k] })}
                  </li>
                ))}
              </ul>
              <input type="hidden" name="step" value="confirm" />
              <input type="hidden" name="importId" value={answer.importId} />
              <button
                type="submit"
                disabled={busy}
                className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white"
              >
                {t("partnersAdmin.import.confirm")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section className="space-y-2">
        <h2 className="text-lg font-semibold text-slate-900">{t("partnersAdmin.import.recent")}</h2>
        <p className="text-sm text-slate-600">{t("partnersAdmin.import.undoHelp")}</p>
        {imports.length === 0 ? <p className="text-sm text-slate-600">{t("partnersAdmin.import.noRecent")}</p> : null}
        <ul className="divide-y divide-slate-100">
          {imports.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
              <span>
                {t("partnersAdmin.import.recentLine", {
                  file: i.fileName,
                  count: i.partners,
                  date: formats.date(i.importedAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </span>
              {i.undoneAt ? (
                <span className="text-slate-500">{t("partnersAdmin.import.undone")}</span>
              ) : (
                <Form method="post">
                  <input type="hidden" name="step" value="undo" />
                  <input type="hidden" name="importId" value={i.id} />
                  <button type="submit" className={button}>
                    {t("partnersAdmin.import.undo")}
                  </button>
                </Form>
              )}
              {answer?.step === "undo" && answer.importId === i.id && answer.refusal ? (
                <p role="alert" className="w-full text-sm text-rose-700">
                  {t(answer.refusal.code, answer.refusal.params ?? {})}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
