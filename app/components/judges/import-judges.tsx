// Importing judges from a spreadsheet: the upload (check first, or import), and the report of
// rows read, judges imported and each problem by row and column.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/form-field";
import { Section } from "~/components/section";
import { JUDGE_CSV_COLUMNS } from "~/domain/judge-schemas";
import type { ShownRefusal } from "~/routing/refusals";

export type ImportReport = {
  rows: number;
  good: number;
  imported: number;
  problems: { row: number; column: string; message: string }[];
};

function ReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <div role="status" className="mt-2 space-y-2 text-sm">
      <p>{t("import.summary", { rows: report.rows, good: report.good, bad: report.rows - report.good })}</p>
      {report.imported ? (
        <p className="font-medium text-emerald-800">{t("judges.imported", { count: report.imported })}</p>
      ) : null}
      {report.problems.length ? (
        <table className="w-full text-left">
          <thead className="text-slate-500">
            <tr>
              <th>{t("import.row")}</th>
              <th>{t("import.column")}</th>
              <th>{t("import.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.map((p, i) => (
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
  );
}

export function ImportJudges({ refusal, report }: { refusal: ShownRefusal | null; report: ImportReport | null }) {
  const { t } = useTranslation();
  return (
    <Section id="import" title={t("judges.importTitle")}>
      <p className="mt-1 text-sm text-slate-600">{t("judges.importHelp", { columns: JUDGE_CSV_COLUMNS.join(", ") })}</p>
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
      {refusal ? <FormMessage>{t(refusal.code)}</FormMessage> : null}
      {report ? <ReportView report={report} /> : null}
    </Section>
  );
}
