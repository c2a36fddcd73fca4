// The control room's private ranking: every revealed result, sealed ones included, as the public
// will see it after the ceremony.
import { useTranslation } from "react-i18next";
import type { LiveEntry } from "~/domain/live-final";
import { useLocale } from "~/i18n/use-locale";
import type { ControlView } from "~/live/protocol";
import { Card, entryTitle } from "./control-ui";

export function PrivateRanking({ view, byId }: { view: ControlView; byId: ReadonlyMap<number, LiveEntry> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card title={t("live.control.privateRanking")} testId="private-ranking">
      {view.ranking.length === 0 ? (
        <p className="text-sm text-slate-500">{t("live.noResultsYet")}</p>
      ) : (
        <table className="w-full text-sm">
          <thead className="text-left text-slate-500">
            <tr>
              <th className="py-1">{t("common.rank")}</th>
              <th>{t("live.title")}</th>
              <th className="text-right">{t("live.result")}</th>
            </tr>
          </thead>
          <tbody>
            {view.ranking.map((r) => (
              <tr key={r.entryId} className="border-t border-slate-100" data-entry={r.entryId} data-sealed={r.sealed}>
                <td className="py-1 font-mono">{r.rank ?? "–"}</td>
                <td>
                  {entryTitle(locale, byId.get(r.entryId))}{" "}
                  {r.sealed ? <span className="text-xs text-sky-700">🔒 {t("live.control.sealed")}</span> : null}
                </td>
                <td className="text-right font-mono">{r.result ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
