// What the entry form pages need around the form: the competition, the choices, the deadline.
import type { AppLoadContext } from "@remix-run/node";
import { countryOptions } from "../i18n/countries";
import { resolveLocale } from "../i18n/locale.server";
import { registrationWindow } from "../services/registration.server";
import { notFound } from "./responses";

/**
 * The edition an entrant registers in: the one whose registration window is open, else the one the
 * public home shows (whose page then says registration is closed).
 */
async function registrationEdition(context: AppLoadContext) {
  const now = context.now();
  const competitions = context.services.competitions;
  return (await competitions.openForRegistration(now)) ?? (await competitions.featured(now));
}

/** The form's surroundings; an existing entry's form is about that entry's own edition (`competitionId`). */
export async function entryFormContext(request: Request, context: AppLoadContext, competitionId?: number) {
  const [competition, locale] = await Promise.all([
    competitionId === undefined ? registrationEdition(context) : context.services.competitions.byId(competitionId),
    resolveLocale(request),
  ]);
  if (!competition) throw notFound();
  const { groups, tracks } = await context.services.registration.options(competition.id);
  const name = (r: { name_zh: string; name_en: string }) => (locale !== "en" ? r.name_zh : r.name_en);
  return {
    competition,
    window: registrationWindow(competition, context.now()),
    options: {
      // Each group's countries come along, so the form can name the right group as the entrant chooses.
      groups: groups.map((g) => ({ code: g.code, name: name(g), region: g.region, countries: g.eligibleCountries })),
      tracks: tracks.map((t) => ({ code: t.code, name: name(t) })),
      countries: countryOptions(locale),
    },
  };
}
