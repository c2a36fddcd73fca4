// Dates as the entrant's pages show them: in the competition's time zone, written the reader's way.
import { useTranslation } from "react-i18next";

/** A formatter of ISO instants for one competition's time zone, in the page's language. */
export function useCompetitionDate(timeZone: string): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "long", timeStyle: "short", timeZone });
  return (iso) => format.format(new Date(iso));
}
