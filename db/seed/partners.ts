// The demo's partners: about 150 investors, 70 parks and incubators and 80 corporates, each with a
// bilingual name and "about", what its kind offers, and one person who signs in as a `partner`
// (only the three demo partners have a password; the others wait for their invitation).
import type { PartnerProfile } from "../../app/domain/partner-matching";
import {
  CUSTOMER_KINDS,
  DOMESTIC_REGIONS,
  FUNDING_STAGES,
  OVERSEAS_REGIONS,
  PARK_SUPPORT,
  type CustomerKind,
  type FundingStage,
  type PartnerKind,
  type Region,
} from "../../app/domain/partner-vocabulary";
import {
  CORPORATE_TYPES,
  CUSTOMER_WORDS,
  INVESTOR_TYPES,
  NAME_PLACES,
  NAME_WORDS,
  PARK_PLACES,
  PARK_TYPES,
  STAGE_WORDS,
  SUPPORT_WORDS,
  TICKETS,
  TITLES,
  TRACK_CUSTOMERS,
  type ParkPlace,
} from "./partner-words";
import type { SeedContext } from "./plan";
import type { Random } from "./random";
import type { AddUser } from "./structure";
import { personName, slugify } from "./text";
import { TRACKS, type Bilingual } from "./vocabulary";

export const DEMO_PARTNER_COUNTS: Readonly<Record<PartnerKind, number>> = { investor: 150, park: 70, corporate: 80 };

/** The demo partners who sign in with a printed password; each is the first of its kind. */
export const DEMO_PARTNER_EMAILS: Readonly<Record<PartnerKind, string>> = {
  investor: "investor@frontier.demo",
  park: "park@frontier.demo",
  corporate: "corporate@frontier.demo",
};

export type SeededPartner = { id: number; userId: number; accepted: boolean; isDemo: boolean; profile: PartnerProfile };

type Offer = {
  tracks: string[];
  regions: Region[];
  stages: FundingStage[];
  ticket: [number, number] | null;
  place: ParkPlace | null;
  areaM2: number | null;
  support: string[];
  customerKinds: CustomerKind[];
};

const TRACK_CODES = TRACKS.map((t) => t.code);
const trackName = (code: string): Bilingual => TRACKS.find((t) => t.code === code)!.name;
const join = (words: Bilingual[], zhSep = "、", enSep = ", "): Bilingual => ({
  zh: words.map((w) => w.zh).join(zhSep),
  en: words.map((w) => w.en).join(enSep),
});

/**
 * Writes every partner with its person. `showcaseTrack` is the demo entrant's track: the demo
 * investor covers it, so the path "investor finds the entrant's entry" exists in the demo.
 */
export function seedPartners(
  ctx: SeedContext,
  competitionId: number,
  addUser: AddUser,
  showcaseTrack: string,
): SeededPartner[] {
  const insertPartner = ctx.sqlite.prepare(
    `INSERT INTO partners (competition_id, kind, name_zh, name_en, about_zh, about_en, website, country, city, district,
       tracks, regions, stages, support, customer_kinds, ticket_min_wan, ticket_max_wan, area_m2, created_at, updated_at)
     VALUES (@competitionId, @kind, @nameZh, @nameEn, @aboutZh, @aboutEn, @website, @country, @city, @district,
       @tracks, @regions, @stages, @support, @customerKinds, @ticketMin, @ticketMax, @areaM2, @at, @at)`,
  );
  const insertPerson = ctx.sqlite.prepare(
    `INSERT INTO partner_people (partner_id, user_id, title, created_at, accepted_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const random = ctx.random;
  const usedNames = new Set<string>();
  const seeded: SeededPartner[] = [];
  let serial = 0;
  for (const kind of ["investor", "park", "corporate"] as const) {
    for (let k = 0; k < DEMO_PARTNER_COUNTS[kind]; k++) {
      const isDemo = k === 0;
      const offer = isDemo ? demoOffer(kind, showcaseTrack) : drawOffer(random, kind);
      const name = uniqueName(random, kind, offer, usedNames, isDemo);
      const about = aboutText(kind, name, offer);
      const hongKong = kind === "investor" && !isDemo && random.chance(0.08);
      const id = Number(
        insertPartner.run({
          competitionId,
          kind,
          nameZh: name.zh,
          nameEn: name.en,
          aboutZh: about.zh,
          aboutEn: about.en,
          website: `https://www.${slugify(name.en)}.example`,
          country: hongKong ? "HK" : "CN",
          city: offer.place?.city.en ?? null,
          district: offer.place?.district.en ?? null,
          tracks: JSON.stringify(offer.tracks),
          regions: JSON.stringify(offer.regions),
          stages: JSON.stringify(offer.stages),
          support: JSON.stringify(offer.support),
          customerKinds: JSON.stringify(offer.customerKinds),
          ticketMin: offer.ticket?.[0] ?? null,
          ticketMax: offer.ticket?.[1] ?? null,
          areaM2: offer.areaM2,
          at: ctx.nowIso,
        }).lastInsertRowid,
      );
      serial++;
      const email = isDemo ? DEMO_PARTNER_EMAILS[kind] : `partner${String(serial).padStart(3, "0")}@frontier.demo`;
      const person = personName(random, "zh");
      const title = random.pick(TITLES[kind]);
      const userId = addUser(email, person, "zh-Hans", "partner", isDemo ? ctx.passwordHashes[email] : undefined);
      // Most partners' people have taken up their invitation; only they have sent requests.
      const accepted = isDemo || random.chance(0.75);
      insertPerson.run(id, userId, `${title.zh} / ${title.en}`, ctx.nowIso, accepted ? ctx.nowIso : null);
      seeded.push({ id, userId, accepted, isDemo, profile: profileOf(id, kind, offer) });
    }
  }
  return seeded;
}

function profileOf(id: number, kind: PartnerKind, o: Offer): PartnerProfile {
  const base = { id, tracks: o.tracks, regions: o.regions };
  if (kind === "investor")
    return { ...base, kind, stages: o.stages, ticket: { minWan: o.ticket![0], maxWan: o.ticket![1] } };
  if (kind === "park") {
    return {
      ...base,
      kind,
      city: o.place!.city.en,
      district: o.place!.district.en,
      areaM2: o.areaM2!,
      support: o.support as never,
    };
  }
  return { ...base, kind, customerKinds: o.customerKinds };
}

const empty = (): Offer => ({
  tracks: [],
  regions: [],
  stages: [],
  ticket: null,
  place: null,
  areaM2: null,
  support: [],
  customerKinds: [],
});

/**
 * The demo partners are broad on purpose, so their lists are full: the investor takes pre-A to B
 * in four tracks (the demo entrant's among them) from any region; the park is in Haidian with
 * room to spare; the corporate buys for enterprises, manufacturers and energy companies.
 */
function demoOffer(kind: PartnerKind, showcaseTrack: string): Offer {
  const tracks = [...new Set([showcaseTrack, "QI", "EAI", "NM"])].slice(0, 4);
  if (kind === "investor") return { ...empty(), tracks, stages: ["pre-A", "A", "B"], ticket: [500, 8000] };
  if (kind === "park") {
    return {
      ...empty(),
      tracks: ["QI", "EAI", "LLM", "BCI"],
      regions: ["CN-N", "EU", "NA", "AS"],
      place: PARK_PLACES[0]!,
      areaM2: 3000,
      support: ["office", "lab", "incubation", "policy", "talent"],
    };
  }
  return {
    ...empty(),
    tracks: ["NM", "CE", "EAI", "6G"],
    regions: ["CN-N", "CN-E", "CN-S", "EU"],
    customerKinds: ["enterprise", "manufacturing", "energy"],
  };
}

function some<T>(random: Random, items: readonly T[], from: number, to: number): T[] {
  return random.sample(items, random.int(from, to));
}

function drawOffer(random: Random, kind: PartnerKind): Offer {
  // One in ten partners is open to every track; most name two or three.
  const tracks = random.chance(0.1) ? [] : some(random, TRACK_CODES, 1, 4);
  if (kind === "investor") {
    const first = random.weighted([0, 1, 2, 3, 4], (i) => [3, 5, 5, 4, 2][i]!);
    const stages = FUNDING_STAGES.slice(first, first + random.int(2, 3));
    const regions = random.chance(0.35)
      ? []
      : some(random, random.chance(0.8) ? DOMESTIC_REGIONS : OVERSEAS_REGIONS, 1, 3);
    return { ...empty(), tracks, regions, stages, ticket: [...random.pick(TICKETS[stages[0]!])] };
  }
  if (kind === "park") {
    const place = random.weighted(PARK_PLACES, (p) => p.weight);
    // A park draws from its own region, and many also court teams from abroad.
    const regions: Region[] = [place.region];
    if (random.chance(0.5)) regions.push(...some(random, OVERSEAS_REGIONS, 1, 2));
    return {
      ...empty(),
      tracks,
      regions,
      place,
      areaM2: random.pick([200, 300, 500, 800, 1000, 1500, 2000, 3000, 5000]),
      support: some(random, PARK_SUPPORT, 2, 4),
    };
  }
  const customerKinds = [
    ...new Set([
      ...some(random, tracks.length > 0 ? TRACK_CUSTOMERS[tracks[0]!]! : CUSTOMER_KINDS, 1, 2),
      ...(random.chance(0.3) ? [random.pick(CUSTOMER_KINDS)] : []),
    ]),
  ];
  const regions = random.chance(0.2) ? [] : some(random, [...DOMESTIC_REGIONS, ...OVERSEAS_REGIONS], 1, 4);
  return { ...empty(), tracks, regions, customerKinds };
}

function uniqueName(random: Random, kind: PartnerKind, offer: Offer, used: Set<string>, isDemo: boolean): Bilingual {
  const types = kind === "investor" ? INVESTOR_TYPES : kind === "park" ? PARK_TYPES : CORPORATE_TYPES;
  if (isDemo) {
    const fixed: Record<PartnerKind, Bilingual> = {
      investor: { zh: "中关村前沿创投", en: "ZGC Frontier Ventures" },
      park: { zh: "海淀启元科技园", en: "Haidian Qiyuan Science Park" },
      corporate: { zh: "北辰智能制造", en: "Polaris Intelligent Manufacturing" },
    };
    used.add(fixed[kind].en);
    return fixed[kind];
  }
  for (;;) {
    // A park is named after its district; a fund or a corporate after a place it likes.
    const where = offer.place ? offer.place.district : random.pick(NAME_PLACES);
    const word = random.pick(NAME_WORDS);
    const type = random.pick(types);
    const name = { zh: `${where.zh}${word.zh}${type.zh}`, en: `${where.en} ${word.en} ${type.en}` };
    if (used.has(name.en)) continue;
    used.add(name.en);
    return name;
  }
}

function aboutText(kind: PartnerKind, name: Bilingual, o: Offer): Bilingual {
  const tracks = o.tracks.length ? join(o.tracks.map(trackName)) : { zh: "各前沿科技领域", en: "every frontier field" };
  if (kind === "investor") {
    const first = STAGE_WORDS[o.stages[0]!];
    const last = STAGE_WORDS[o.stages[o.stages.length - 1]!];
    const stages = { zh: `${first.zh}至${last.zh}`, en: `${first.en} to ${last.en}` };
    const [min, max] = o.ticket!;
    return {
      zh: `${name.zh}专注${tracks.zh}方向的早中期投资，覆盖${stages.zh}，单笔投资${min}–${max}万元，并为被投企业对接产业资源与后续融资。`,
      en: `${name.en} backs ${tracks.en} companies at ${stages.en} stage, with tickets of ${min}–${max} 万元 (CNY ${min / 100}–${max / 100} million), and opens its industry network and later rounds to its portfolio.`,
    };
  }
  if (kind === "park") {
    const support = join(o.support.map((s) => SUPPORT_WORDS[s as keyof typeof SUPPORT_WORDS]));
    const p = o.place!;
    return {
      zh: `${name.zh}位于${p.city.zh}${p.district.zh}，面向${tracks.zh}团队，单个企业最多可提供${o.areaM2}平方米，并提供${support.zh}。`,
      en: `${name.en} is in ${p.district.en}, ${p.city.en}. It hosts ${tracks.en} teams with up to ${o.areaM2} m² per company, and offers ${support.en}.`,
    };
  }
  const customers = join(o.customerKinds.map((c) => CUSTOMER_WORDS[c]));
  return {
    zh: `${name.zh}服务${customers.zh}客户，寻找${tracks.zh}方向的技术合作与试点项目，可提供应用场景、采购渠道与联合开发。`,
    en: `${name.en} serves ${customers.en}. It looks for ${tracks.en} technology to pilot and buy, and offers test sites, procurement channels and joint development.`,
  };
}
