// One criterion on the judge's sheet: its name and weight, what its marks mean, the typed mark and,
// once the page runs its script, large buttons (or a stepper) that set the same field.
import type { FieldMetadata } from "@conform-to/react";
import { getInputProps } from "@conform-to/react";
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/form-field";
import { formatMilli, readMark } from "~/domain/score-sheet";
import { markChoices, stepMark } from "~/domain/sheet-total";

export type SheetCriterionView = {
  id: number;
  name: string;
  description: string;
  weightBp: number;
  maxMilli: number;
  stepMilli: number;
};

/** True once React runs in the browser: controls that need the script appear only then. */
function useHydrated() {
  return useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );
}
const noChange = () => () => {};

const pick =
  "rounded-lg border text-base font-semibold tabular-nums focus:outline-none focus:ring-2 focus:ring-indigo-300 disabled:opacity-50";

export function CriterionField({
  criterion,
  field,
  readOnly,
  disabled,
  onPick,
}: {
  criterion: SheetCriterionView;
  field: FieldMetadata<string>;
  readOnly: boolean;
  disabled: boolean;
  /** Sets the field to a mark (as the judge would type it) and lets the sheet react as to typing. */
  onPick: (value: string) => void;
}) {
  const { t } = useTranslation();
  const hydrated = useHydrated();
  const value = field.value ?? "";
  const read = readMark(value, criterion);
  const current = value.trim() !== "" && read.ok ? read.milli : null;
  const choices = markChoices(criterion);
  const descriptionId = `${field.id}-meaning`;
  const describedBy = [criterion.description ? descriptionId : null, field.errors?.length ? field.errorId : null]
    .filter(Boolean)
    .join(" ");
  const buttons = hydrated && !readOnly && !disabled;
  return (
    <div className="space-y-2" data-criterion={criterion.id}>
      <label htmlFor={field.id} className="block font-medium text-slate-800">
        {`${criterion.name} (${formatMilli(criterion.weightBp * 10)}%)`}
      </label>
      {criterion.description ? (
        <p id={descriptionId} className="whitespace-pre-line text-sm text-slate-600" data-testid="criterion-meaning">
          {criterion.description}
        </p>
      ) : null}
      {buttons && choices ? (
        <div
          role="group"
          aria-label={t("sheet.chooseMark", { name: criterion.name })}
          className="grid grid-cols-[repeat(auto-fill,minmax(3rem,1fr))] gap-1.5"
        >
          {choices.map((milli) => (
            <button
              key={milli}
              type="button"
              aria-pressed={current === milli}
              onClick={() => onPick(formatMilli(milli))}
              className={`${pick} h-12 ${current === milli ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
            >
              {formatMilli(milli)}
            </button>
          ))}
        </div>
      ) : null}
      <div className="flex items-center gap-2">
        {buttons && !choices ? (
          <button
            type="button"
            aria-label={t("sheet.stepDown", { name: criterion.name })}
            onClick={() => onPick(formatMilli(stepMark(value, criterion, -1)))}
            className={`${pick} h-12 w-14 border-slate-300 bg-white text-xl`}
          >
            −
          </button>
        ) : null}
        <input
          {...getInputProps(field, { type: "text" })}
          inputMode="decimal"
          autoComplete="off"
          readOnly={readOnly}
          className={`${inputClass} text-lg ${buttons && choices ? "max-w-[8rem]" : ""}`}
          aria-describedby={describedBy || undefined}
          placeholder={buttons && choices ? t("sheet.orType") : undefined}
        />
        {buttons && !choices ? (
          <button
            type="button"
            aria-label={t("sheet.stepUp", { name: criterion.name })}
            onClick={() => onPick(formatMilli(stepMark(value, criterion, 1)))}
            className={`${pick} h-12 w-14 border-slate-300 bg-white text-xl`}
          >
            +
          </button>
        ) : null}
      </div>
      {field.errors?.length ? (
        <p id={field.errorId} className="text-sm text-rose-700" role="alert">
          {field.errors.map((e) => t(e, { defaultValue: e })).join(" ")}
        </p>
      ) : (
        <p className="text-xs text-slate-500">
          {t("judge.range", { max: formatMilli(criterion.maxMilli), step: formatMilli(criterion.stepMilli) })}
        </p>
      )}
    </div>
  );
}
