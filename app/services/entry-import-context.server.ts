// What an entry import is checked against: the edition's groups and tracks as vocabularies (code,
// names in both languages), every country and region by code or name, and the entries already there.
import countries from "i18n-iso-countries";
import type { Db } from "../../db/client";
import type { ImportContext } from "../domain/entry-import";
import {
  buildVocabulary,
  GROUP_SUFFIXES,
  TRACK_SUFFIXES,
  type Term,
  type Vocabulary,
} from "../domain/import-vocabulary";
import { countryName } from "../i18n/countries";

/** Names people use that the ISO lists do not give (the lists are registered by ../i18n/countries). */
const EXTRA_COUNTRY_NAMES: Record<string, readonly string[]> = {
  CN: ["中国大陆", "大陆", "Mainland China", "PRC", "P.R. China", "People's Republic of China"],
  HK: ["香港", "中国香港", "Hong Kong SAR", "HKSAR"],
  MO: ["澳门", "中国澳门", "Macau", "Macao SAR"],
  TW: ["台湾", "中国台湾", "台湾地区", "Taiwan"],
  US: ["美利坚合众国"],
  GB: ["大不列颠", "England", "Britain"],
  KR: ["大韩民国", "Korea (South)"],
  AE: ["UAE", "阿联酋"],
};

let countryVocabulary: Vocabulary | undefined;

/** Every ISO 3166-1 country and region: alpha-2 code, alpha-3 code, names and aliases in English and Chinese. */
export function countriesVocabulary(): Vocabulary {
  if (countryVocabulary) return countryVocabulary;
  const en = countries.getNames("en", { select: "all" });
  const zh = countries.getNames("zh", { select: "all" });
  const terms: Term[] = Object.keys(en).map((code) => ({
    code,
    nameEn: countryName(code, "en"),
    nameZh: countryName(code, "zh-Hans"),
    aliases: [
      ...(en[code] ?? []),
      ...(zh[code] ?? []),
      countries.alpha2ToAlpha3(code) ?? "",
      ...(EXTRA_COUNTRY_NAMES[code] ?? []),
    ].filter(Boolean),
  }));
  return (countryVocabulary = buildVocabulary(terms));
}

/** The edition's groups (with their eligibility) and tracks, in their order. */
export async function groupsAndTracks(db: Db, competitionId: number) {
  const [groups, tracks] = await Promise.all([
    db
      .selectFrom("groups")
      .select(["id", "code", "name_en", "name_zh", "region", "eligible_countries"])
      .where("competition_id", "=", competitionId)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("tracks")
      .select(["id", "code", "name_en", "name_zh"])
      .where("competition_id", "=", competitionId)
      .orderBy("id")
      .execute(),
  ]);
  return {
    groups: groups.map((g) => ({ ...g, eligibleCountries: JSON.parse(g.eligible_countries) as string[] })),
    tracks,
  };
}

const term = (row: { code: string; name_en: string; name_zh: string }): Term => ({
  code: row.code,
  nameEn: row.name_en,
  nameZh: row.name_zh,
});

/** The groups, tracks, countries and existing entries a file is checked against, and the ids of groups and tracks. */
export async function importContext(db: Db, competitionId: number) {
  const [{ groups, tracks }, existing] = await Promise.all([
    groupsAndTracks(db, competitionId),
    db
      .selectFrom("entries")
      .select(["title_en", "title_zh", "organization", "contact_email"])
      .where("competition_id", "=", competitionId)
      .where("status", "!=", "withdrawn")
      .execute(),
  ]);
  const context: ImportContext = {
    groups,
    vocabulary: {
      group: buildVocabulary(groups.map(term), GROUP_SUFFIXES),
      track: buildVocabulary(tracks.map(term), TRACK_SUFFIXES),
      country: countriesVocabulary(),
    },
    existing: existing.map((e) => ({
      title: e.title_en ?? e.title_zh ?? "",
      organization: e.organization,
      contactEmail: e.contact_email,
    })),
  };
  return {
    context,
    ids: {
      group: new Map(groups.map((g) => [g.code, g.id])),
      track: new Map(tracks.map((t) => [t.code, t.id])),
    },
  };
}
