// Generated follow-on profiles for bench:matching's comparison run at the full size
// (300 partners, 3,100 entries with needs, 90 % consenting), from a fixed seed.
import type { EntryProfile, PartnerProfile } from "../app/domain/partner-matching";
import { CUSTOMER_KINDS, FUNDING_STAGES, PARK_SUPPORT, REGIONS } from "../app/domain/partner-vocabulary";

let seed = 20270520;
export const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
export const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const some = <T>(list: readonly T[], most: number): T[] => [
  ...new Set(Array.from({ length: 1 + Math.floor(random() * most) }, () => pick(list))),
];
const TRACKS = ["QI", "PC", "MV", "6G", "BCI", "EAI", "SB", "NM", "SP", "CE", "BM", "LLM"];
const CITIES = ["Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Suzhou", "Hefei", "Chengdu", "Wuhan"];

export function generatedPartners(count: number): PartnerProfile[] {
  return Array.from({ length: count }, (_, i): PartnerProfile => {
    const base = { id: i + 1, tracks: some(TRACKS, 4), regions: some(REGIONS, 3) };
    const kind = i % 3;
    if (kind === 0) {
      const minWan = pick([100, 300, 500, 1000, 3000]);
      return {
        ...base,
        kind: "investor",
        stages: some(FUNDING_STAGES, 3),
        ticket: { minWan, maxWan: minWan * pick([3, 5, 10]) },
      };
    }
    if (kind === 1)
      return {
        ...base,
        kind: "park",
        city: pick(CITIES),
        district: "Haidian",
        areaM2: pick([200, 500, 1000, 3000]),
        support: some(PARK_SUPPORT, 3),
      };
    return { ...base, kind: "corporate", customerKinds: some(CUSTOMER_KINDS, 3) };
  });
}

export function generatedEntries(count: number): EntryProfile[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    track: pick(TRACKS),
    group: pick(["BJ", "YRD", "SC", "CW", "NA", "EU", "AS", "HMT"]),
    region: pick(REGIONS),
    country: pick(["CN", "CN", "CN", "US", "DE", "SG", "JP", "GB", "FR", "IL"]),
    consent: random() < 0.9,
    needs: {
      financing: { amountWan: pick([200, 500, 1000, 3000, 8000]), stage: pick(FUNDING_STAGES) },
      space: { areaM2: pick([100, 300, 800, 2000]), city: pick(CITIES), fromMonth: "2027-07" },
      market: { customerKind: pick(CUSTOMER_KINDS), region: pick(REGIONS) },
    },
  }));
}
