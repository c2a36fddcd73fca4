// Suggested conflicts of interest: likely links between a judge and an entry that the hard rule
// (affiliation exactly equal to the entry's organization) does not catch, each with a confidence
// (0–100) and its evidence (what matched), so the organizer reads the reason in words. Nothing
// here blocks an assignment by itself: the organizer confirms or dismisses each suggestion.
import { CITY_WORDS, GENERIC_WORDS } from "./conflict-stop-words";

export type DetectJudge = { id: number; name: string; affiliation: string; email: string };
export type DetectEntry = { id: number; organization: string; team: readonly { name: string; email: string | null }[] };

/** One thing that matched, with the values the reason in words quotes. */
export type ConflictEvidence =
  | { kind: "same_organization"; affiliation: string; organization: string }
  | { kind: "affiliation_in_organization"; affiliation: string; organization: string; matched: string }
  | { kind: "organization_in_affiliation"; affiliation: string; organization: string; matched: string }
  | { kind: "same_email"; email: string; member: string }
  | { kind: "same_person_name"; name: string; member: string }
  | { kind: "same_email_domain"; domain: string; member: string };

export type ConflictCategory = "similar_affiliation" | "team_member" | "same_email_domain";

export type SuggestedConflict = {
  judgeId: number;
  entryId: number;
  /** The strongest signal's family (kept in the reason column for older readers). */
  reason: ConflictCategory;
  detail: string;
  /** 0–100: how likely this is a real conflict. */
  confidence: number;
  /** Every signal that matched, strongest first. */
  evidence: ConflictEvidence[];
};

/** Confidence bands the review page filters by. */
export const CONFIDENCE_BANDS = {
  high: { min: 80, max: 100 },
  medium: { min: 50, max: 79 },
  low: { min: 0, max: 49 },
} as const;
export type ConfidenceBand = keyof typeof CONFIDENCE_BANDS;

export function bandOf(confidence: number | null): ConfidenceBand | null {
  if (confidence === null) return null;
  return confidence >= 80 ? "high" : confidence >= 50 ? "medium" : "low";
}

// Mail providers whose domain says nothing about where someone works.
const PUBLIC_MAIL = new Set(
  (
    "gmail.com googlemail.com outlook.com hotmail.com live.com yahoo.com icloud.com me.com proton.me " +
    "protonmail.com qq.com foxmail.com 163.com 126.com sina.com sohu.com aliyun.com yeah.net gmx.de web.de " +
    "mail.ru naver.com example.com example.org 139.com 189.cn msn.com aol.com yandex.ru"
  ).split(" "),
);

// Suffixes an organization's name is often written with or without ("Tsinghua Univ." = "Tsinghua University").
const LATIN_SUFFIXES = new Set(
  "university univ college institute inst of the and for inc ltd llc gmbh co corp company limited".split(" "),
);
const CJK_SUFFIX = /(大学|学院|研究院|研究所|有限责任公司|股份有限公司|有限公司|公司|实验室)$/u;

const CJK = /\p{Script=Han}/u;

/** Lower case, punctuation gone, common suffixes dropped: "Tsinghua Univ." and "Tsinghua University" meet. */
export function organizationKey(text: string): string {
  // Accents go too ("São Paulo" = "Sao Paulo"); Hangul is composed back after.
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter((w) => w && !LATIN_SUFFIXES.has(w));
  let key = words.join(" ");
  // Several suffixes may stack ("…研究院有限公司"): drop them until none is left.
  for (let next = key.replace(CJK_SUFFIX, "").trim(); next !== key && next; next = key.replace(CJK_SUFFIX, "").trim())
    key = next;
  return key;
}

const CJK_STOPS = [...CITY_WORDS, ...GENERIC_WORDS].filter((w) => CJK.test(w)).sort((a, b) => b.length - a.length);
const LATIN_STOPS = new Set([...CITY_WORDS, ...GENERIC_WORDS].filter((w) => !CJK.test(w)));

/**
 * What is left of a key once city and region names and generic words are gone: the part that
 * tells one organization from another. Empty for "北京大学", "University of Shanghai" or
 * "Shenzhen Technology Co., Ltd.": a match on such a name rests on a city alone.
 */
export function distinctivePart(key: string): string {
  const kept: string[] = [];
  for (const word of key.split(" ")) {
    if (!word || LATIN_STOPS.has(word)) continue;
    if (!CJK.test(word)) {
      if (word.length >= 3 && !/^\d+$/.test(word)) kept.push(word);
      continue;
    }
    let rest = word;
    for (const stop of CJK_STOPS) rest = rest.split(stop).join(" ");
    // A single Han character left between stop words ("市", "省") names nothing by itself.
    kept.push(
      ...rest
        .split(" ")
        .map((piece) => piece.replace(/[\p{N}a-z]/gu, ""))
        .filter((piece) => [...piece].length >= 2),
    );
  }
  return kept.join(" ");
}

const domainOf = (email: string | null) => {
  const at = email?.lastIndexOf("@") ?? -1;
  return at > 0 ? email!.slice(at + 1).toLowerCase() : null;
};
const personKey = (name: string) => name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
const nameTokens = (name: string) => personKey(name).split(" ").sort().join(" ");

/** Whether `inner` appears in `outer` as whole words (or anywhere inside a Chinese name). */
function containsKey(outer: string, inner: string): boolean {
  if (CJK.test(inner)) return outer.includes(inner);
  return ` ${outer} `.includes(` ${inner} `);
}

const CONFIDENCE: Record<ConflictEvidence["kind"], number> = {
  same_email: 98,
  same_organization: 90,
  affiliation_in_organization: 75,
  organization_in_affiliation: 70,
  same_email_domain: 65,
  same_person_name: 45,
};

type PreparedEntry = {
  entry: DetectEntry;
  key: string;
  exact: string;
  team: { name: string; person: string; tokens: string; email: string | null; domain: string | null }[];
};

function prepareEntries(entries: readonly DetectEntry[]): PreparedEntry[] {
  return entries.map((entry) => ({
    entry,
    key: organizationKey(entry.organization),
    exact: entry.organization.trim().toLowerCase(),
    team: entry.team.map((m) => {
      const domain = domainOf(m.email);
      return {
        name: m.name,
        person: personKey(m.name),
        tokens: nameTokens(m.name),
        email: m.email?.trim().toLowerCase() ?? null,
        domain: domain && !PUBLIC_MAIL.has(domain) ? domain : null,
      };
    }),
  }));
}

/** The organization signal between a judge's affiliation and an entry's organization, if any. */
function organizationSignal(judge: DetectJudge, judgeKey: string, e: PreparedEntry): ConflictEvidence | null {
  if (!judgeKey || !e.key) return null;
  const values = { affiliation: judge.affiliation, organization: e.entry.organization };
  if (judgeKey === e.key) return distinctivePart(judgeKey) ? { kind: "same_organization", ...values } : null;
  // The shorter name inside the longer one; the shared part must name more than a city.
  if (containsKey(e.key, judgeKey) && distinctivePart(judgeKey))
    return { kind: "affiliation_in_organization", ...values, matched: judgeKey };
  if (containsKey(judgeKey, e.key) && distinctivePart(e.key))
    return { kind: "organization_in_affiliation", ...values, matched: e.key };
  return null;
}

/** The team signals: the judge's own address, their name, or their work domain on the team. */
function teamSignals(judge: DetectJudge, e: PreparedEntry): ConflictEvidence[] {
  const email = judge.email.trim().toLowerCase();
  const domain = domainOf(email);
  const workDomain = domain && !PUBLIC_MAIL.has(domain) ? domain : null;
  const person = personKey(judge.name);
  const tokens = nameTokens(judge.name);
  const found: ConflictEvidence[] = [];
  const sameEmail = e.team.find((m) => m.email === email);
  if (sameEmail) found.push({ kind: "same_email", email: judge.email, member: sameEmail.name });
  const sameName = e.team.find((m) => m.person === person || (tokens.includes(" ") && m.tokens === tokens));
  if (sameName && !sameEmail) found.push({ kind: "same_person_name", name: judge.name, member: sameName.name });
  const sameDomain = workDomain ? e.team.find((m) => m.domain === workDomain && m.email !== email) : undefined;
  if (sameDomain) found.push({ kind: "same_email_domain", domain: workDomain!, member: sameDomain.name });
  return found;
}

const CATEGORY: Record<ConflictEvidence["kind"], ConflictCategory> = {
  same_organization: "similar_affiliation",
  affiliation_in_organization: "similar_affiliation",
  organization_in_affiliation: "similar_affiliation",
  same_email: "team_member",
  same_person_name: "team_member",
  same_email_domain: "same_email_domain",
};

function detailOf(evidence: ConflictEvidence): string {
  switch (evidence.kind) {
    case "same_email":
      return evidence.email;
    case "same_person_name":
      return evidence.member;
    case "same_email_domain":
      return evidence.domain;
    default:
      return `${evidence.affiliation} ~ ${evidence.organization}`;
  }
}

/** The strongest signal's confidence, raised a little by each further one (two hints beat one). */
export function confidenceOf(evidence: readonly ConflictEvidence[]): number {
  const scores = evidence.map((e) => CONFIDENCE[e.kind]).sort((a, b) => b - a);
  if (!scores.length) return 0;
  return Math.min(100, scores[0]! + 8 * (scores.length - 1));
}

/**
 * Every (judge, entry) link worth a second look, at most one per pair with all its evidence.
 * Exact affiliation matches are left out: the assignment already refuses them. `ignore` holds
 * `${judgeId}:${entryId}` pairs already decided or suggested. Ordered by judge, then entry.
 */
export function detectConflicts(
  judges: readonly DetectJudge[],
  entries: readonly DetectEntry[],
  ignore: ReadonlySet<string> = new Set(),
): SuggestedConflict[] {
  const out: SuggestedConflict[] = [];
  const prepared = prepareEntries(entries);
  for (const judge of judges) {
    const judgeKey = organizationKey(judge.affiliation);
    const exact = judge.affiliation.trim().toLowerCase();
    for (const e of prepared) {
      // The assignment already refuses an exact affiliation match: no suggestion would add anything.
      if (ignore.has(`${judge.id}:${e.entry.id}`) || exact === e.exact) continue;
      const organization = organizationSignal(judge, judgeKey, e);
      const evidence = [...(organization ? [organization] : []), ...teamSignals(judge, e)].sort(
        (a, b) => CONFIDENCE[b.kind] - CONFIDENCE[a.kind],
      );
      if (!evidence.length) continue;
      const strongest = evidence[0]!;
      out.push({
        judgeId: judge.id,
        entryId: e.entry.id,
        reason: CATEGORY[strongest.kind],
        detail: detailOf(strongest),
        confidence: confidenceOf(evidence),
        evidence,
      });
    }
  }
  return out;
}
