// The organizer's history of one entry: when, who, what, and per field "from → to" in the reader's
// language; score submissions and revisions itemised per criterion.
import { useTranslation } from "react-i18next";
import {
  describeChange,
  type EntryHistoryField,
  type FieldChange,
  type HistoryVocabulary,
  type PlacementRef,
} from "~/domain/entry-history";
import { countryName } from "~/i18n/countries";
import { localized, useLocale } from "~/i18n/use-locale";

type Named = { id: number; code: string; nameZh: string; nameEn: string };
type Bilingual = { name_zh: string; name_en: string };

export type EntryHistoryItem = {
  id: number;
  at: string;
  action: string;
  reason: string | null;
  actor: string | null;
  changes: FieldChange[];
  score: {
    judge: string;
    round: Bilingual | null;
    revision: number | null;
    comment: { before: string | null; after: string | null };
    marks: (Bilingual & { criterionId: number; before: string | null; after: string | null; changed: boolean })[];
  } | null;
};

function useVocabulary(placements: { groups: Named[]; tracks: Named[] }): HistoryVocabulary {
  const { t } = useTranslation();
  const locale = useLocale();
  // Rows name a group or track by code; rows written before codes were recorded, by id.
  const name = (list: Named[]) => (ref: PlacementRef) => {
    const found = list.find((x) => (typeof ref === "number" ? x.id === ref : x.code === ref));
    return found ? `${localized(locale, found.nameZh, found.nameEn)} (${found.code})` : String(ref);
  };
  return {
    field: (field: EntryHistoryField) => t(`entryHistory.fields.${field}`),
    status: (status) => t(`me.status.${status}`, { defaultValue: status }),
    country: (code) => countryName(code, locale),
    group: name(placements.groups),
    track: name(placements.tracks),
    members: (count) => t("entryHistory.members", { count }),
    none: "—",
  };
}

function FieldChanges({ changes, words }: { changes: FieldChange[]; words: HistoryVocabulary }) {
  const { t } = useTranslation();
  if (changes.length === 0) return null;
  return (
    <table className="mt-1 text-xs" data-testid="entry-changes">
      <caption className="sr-only">{t("entryHistory.changes")}</caption>
      <tbody>
        {changes.map((change) => {
          const line = describeChange(change, words);
          return (
            <tr key={line.field} data-field={line.field}>
              <th scope="row" className="py-0.5 pr-3 text-left align-top font-normal text-slate-600">
                {line.label}
              </th>
              <td className="py-0.5 align-top">
                {line.from === null ? (
                  <span className="text-slate-500">{t("entryHistory.started")} </span>
                ) : (
                  <>
                    <span className="sr-only">{t("entryHistory.from")} </span>
                    <s className="text-slate-500">{line.from}</s>
                    <span aria-hidden="true" className="px-1 text-slate-400">
                      {t("entryHistory.arrow")}
                    </span>
                    <span className="sr-only"> {t("entryHistory.to")} </span>
                  </>
                )}
                <span className="font-medium text-slate-900">{line.to}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ScoreChanges({ score }: { score: NonNullable<EntryHistoryItem["score"]> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="mt-1">
      <p className="text-slate-600">
        {score.judge}
        {score.round ? ` · ${localized(locale, score.round.name_zh, score.round.name_en)}` : ""}
        {score.revision !== null ? ` · ${t("admin.scoreRevision", { revision: score.revision })}` : ""}
      </p>
      <table className="mt-1 text-xs" data-testid="score-audit">
        <tbody>
          {score.marks.map((m) => (
            <tr key={m.criterionId}>
              <th scope="row" className="pr-3 text-left font-normal text-slate-600">
                {localized(locale, m.name_zh, m.name_en)}
              </th>
              <td className="pr-2 font-mono">
                {m.changed ? <s className="text-slate-400">{m.before ?? "—"}</s> : null}
              </td>
              <td className={m.changed ? "font-mono font-semibold" : "font-mono"}>{m.after ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {score.comment.after ? (
        <p className="mt-1 text-slate-600">
          {t("judge.comment")}: {score.comment.after}
        </p>
      ) : null}
    </div>
  );
}

/** Newest first; times in the edition's time zone. */
export function EntryHistory({
  history,
  placements,
  timeZone,
}: {
  history: EntryHistoryItem[];
  placements: { groups: Named[]; tracks: Named[] };
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const words = useVocabulary(placements);
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone });
  if (history.length === 0) return <p className="mt-2 text-sm text-slate-500">{t("admin.noHistory")}</p>;
  return (
    <ol className="mt-2 space-y-2 text-sm" data-testid="entry-history">
      {history.map((h) => (
        <li key={h.id} className="rounded-lg border border-slate-200 bg-white px-3 py-2" data-action={h.action}>
          <span className="font-medium">{t(`audit.${h.action}`, { defaultValue: h.action })}</span>
          <span className="text-slate-500">
            {" "}
            · <time dateTime={h.at}>{when.format(new Date(h.at))}</time> ·{" "}
            {t("entryHistory.by", { name: h.actor ?? t("entryHistory.unknownActor") })}
          </span>
          {h.reason ? <p className="text-slate-700">{h.reason}</p> : null}
          <FieldChanges changes={h.changes} words={words} />
          {h.score ? <ScoreChanges score={h.score} /> : null}
        </li>
      ))}
    </ol>
  );
}
