// The words on a ranking row, the same on the big screen and the livestream overlay: its move since
// the last change ("▲ 2", with its colour) and the tie-break that decided a shared result
// ("tie-break: untrimmed mean", or the criterion's name).
import { useTranslation } from "react-i18next";
import type { PublicState, RankingRow } from "~/domain/live-final";
import { useLocale } from "~/i18n/use-locale";
import { pick } from "./bilingual";
import { movement, tieBreakName } from "./format";

export type MoveLabel = { kind: "up" | "down" | "new"; text: string; tone: string };

/** A row's move as words and a text colour, or null when it did not move. */
export function useMoveLabel() {
  const { t } = useTranslation();
  return (row: RankingRow): MoveLabel | null => {
    const move = movement(row.rank, row.previousRank);
    if (!move) return null;
    if (move.kind === "new") return { kind: "new", text: t("live.board.moveNew"), tone: "text-sky-300" };
    return move.kind === "up"
      ? { kind: "up", text: t("live.board.moveUp", { n: move.by }), tone: "text-emerald-300" }
      : { kind: "down", text: t("live.board.moveDown", { n: move.by }), tone: "text-rose-300" };
  };
}

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
