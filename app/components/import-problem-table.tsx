// The table of an import's problems, one row per problem (file row, column, what is wrong), as the
// entry and partner imports show them before anything is stored. At most 1,000 rows are drawn: a
// file with more has a systematic fault that the first rows already show.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export function ImportProblemTable<P extends { row: number; column: string | null }>({
  problems,
  describe,
  testId,
}: {
  problems: readonly P[];
  describe: (problem: P) => ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="max-h-[32rem] overflow-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid={testId}>
        <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase text-slate-500">
          <tr>
            <th className="px-3 py-2">{t("import.row")}</th>
            <th className="px-3 py-2">{t("import.column")}</th>
            <th className="px-3 py-2">{t("import.problem")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {problems.slice(0, 1000).map((p, i) => (
            <tr key={i}>
              <td className="px-3 py-1.5 tabular-nums">{p.row}</td>
              <td className="px-3 py-1.5 font-mono text-xs">{p.column ?? "—"}</td>
              <td className="px-3 py-1.5">{describe(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
