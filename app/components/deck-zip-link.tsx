// The link to a round's decks as one ZIP, saying how many are in it (or that there are none yet).
import { useTranslation } from "react-i18next";

export function DeckZipLink({ round, count }: { round: string; count: number }) {
  const { t } = useTranslation();
  if (count === 0) return <p className="text-sm text-slate-500">{t("decks.zipNone")}</p>;
  return (
    <p className="text-sm">
      <a href={`/admin/rounds/${round}/decks.zip`} download className="font-medium text-indigo-700 underline">
        {t("decks.zip", { count })}
      </a>
    </p>
  );
}
