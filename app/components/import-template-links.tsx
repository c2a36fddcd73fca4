// The template downloads an import page offers (Excel and CSV), under the import's own address.
import { useTranslation } from "react-i18next";

const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50";

export function ImportTemplateLinks({ base }: { base: string }) {
  const { t } = useTranslation();
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-700">{t("import.template")}</span>
      <a href={`${base}/template.xlsx`} className={button}>
        {t("import.templateXlsx")}
      </a>
      <a href={`${base}/template.csv`} className={button}>
        {t("import.templateCsv")}
      </a>
    </p>
  );
}
