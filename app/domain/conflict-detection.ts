// Suggested conflicts of interest: likely links between a judge and an entry that the hard rule
// (affiliation exactly equal to the entry's organization) does not catch. The organizer confirms
// or dismisses each one; nothing here blocks an assignment by itself.

export type DetectJudge = { id: number; name: string; affiliation: string; email: string };
export type DetectEntry = { id: number; organization: string; team: readonly { name: string; email: string | null }[] };
export type SuggestedConflict = {
  judgeId: number;
  entryId: number;
  reason: "similar_affiliation" | "team_member" | "same_email_domain";
  detail: string;
};

// Mail providers whose domain says nothing about where someone works.
const PUBLIC_MAIL = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "proton.me",
  "protonmail.com",
  "qq.com",
  "foxmail.com",
  "163.com",
  "126.com",
  "sina.com",
  "sohu.com",
  "aliyun.com",
  "yeah.net",
  "gmx.de",
  "web.de",
  "mail.ru",
  "naver.com",
  "example.com",
  "example.org",
]);
// Words that make two different organizations look alike.
const GENERIC = new Set([
  "university",
  "univ",
  "college",
  "institute",
  "inst",
  "of",
  "the",
  "and",
  "for",
  "inc",
  "ltd",
  "llc",
  "gmbh",
  "co",
  "corp",
  "company",
  "technology",
  "technologies",
  "tech",
  "lab",
  "labs",
  "laboratory",
  "research",
  "center",
  "centre",
  "school",
  "group",
  "limited",
]);

/** Lower case, punctuation gone, generic words dropped: "Tsinghua Univ." and "Tsinghua University" meet. */
export function organizationKey(text: string): string {
  const lower = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ");
  const words = lower.split(/\s+/).filter((w) => w && !GENERIC.has(w));
  return words
    .join(" ")
    .replace(/(大学|学院|研究院|研究所|有限公司|公司|实验室)$/u, "")
    .trim();
}

const domainOf = (email: string | null) => {
  const at = email?.lastIndexOf("@") ?? -1;
  return at > 0 ? email!.slice(at + 1).toLowerCase() : null;
};
const personKey = (name: string) => name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * Every (judge, entry) link worth a second look, at most one per pair (the strongest reason).
 * Exact affiliation matches are left out: the assignment already refuses them. `ignore` holds
 * `${judgeId}:${entryId}` pairs already decided.
 */
export function detectConflicts(
  judges: readonly DetectJudge[],
  entries: readonly DetectEntry[],
  ignore: ReadonlySet<string> = new Set(),
): SuggestedConflict[] {
  const out: SuggestedConflict[] = [];
  const entryKeys = entries.map((e) => ({
    entry: e,
    org: organizationKey(e.organization),
    exact: e.organization.trim().toLowerCase(),
    people: new Set(e.team.map((m) => personKey(m.name))),
    domains: new Set(
      e.team.map((m) => domainOf(m.email)).filter((d): d is string => d !== null && !PUBLIC_MAIL.has(d)),
    ),
  }));
  for (const judge of judges) {
    const org = organizationKey(judge.affiliation);
    const exact = judge.affiliation.trim().toLowerCase();
    const person = personKey(judge.name);
    const domain = domainOf(judge.email);
    const usefulDomain = domain && !PUBLIC_MAIL.has(domain) ? domain : null;
    for (const e of entryKeys) {
      // The assignment already refuses an exact affiliation match: no suggestion would add anything.
      if (ignore.has(`${judge.id}:${e.entry.id}`) || exact === e.exact) continue;
      if (e.people.has(person)) {
        out.push({ judgeId: judge.id, entryId: e.entry.id, reason: "team_member", detail: judge.name });
        continue;
      }
      if (org.length >= 4 && e.org.length >= 4 && (org === e.org || org.includes(e.org) || e.org.includes(org))) {
        out.push({
          judgeId: judge.id,
          entryId: e.entry.id,
          reason: "similar_affiliation",
          detail: `${judge.affiliation} ~ ${e.entry.organization}`,
        });
        continue;
      }
      if (usefulDomain && e.domains.has(usefulDomain))
        out.push({ judgeId: judge.id, entryId: e.entry.id, reason: "same_email_domain", detail: usefulDomain });
    }
  }
  return out;
}
