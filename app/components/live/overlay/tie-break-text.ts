// The words of a row's tie-break ("tie-break: untrimmed mean", or the criterion's name), as the big
// screen writes them, for the overlays.
import { useTranslation } from "react-i18next";
import type { PublicState, RankingRow } from "~/domain/live-final";
import { useLocale } from "~/i18n/use-locale";
import { pick } from "../board/bilingual";
import { tieBreakName } from "../board/format";

export function useTieBreakText() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (state: PublicState, row: RankingRow): string | null => {
    const name = tieBreakName(row.decidedBy);
    if (!name) return null;
    if (name.key !== "criterion") return t("live.board.tieBreak", { name: t(`live.board.tieBreakKey.${name.key}`) });
    const criterion = state.round.criteria?.find((c) => c.id === name.id);
    return t("live.board.tieBreak", {
      name: criterion ? pick(locale, criterion.name) : t("live.board.tieBreakKey.criterion"),
    });
  };
}
