// A small edition written straight into the database, as the editions pages would create it, the
// new-round form as its page posts it, and a created round run from opening to publication through
// the services: what tests of a created edition share.
import { expect } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import type { Services } from "../../app/services/index.server";

export type Run = (sql: string, ...params: unknown[]) => { lastInsertRowid: number | bigint };

/**
 * A small edition written straight into the database, as the editions pages would create it:
 * two groups, one track, four submitted entries per group, three judges (demo accounts).
 */
export function buildEdition(run: Run, one: <T>(sql: string) => T[], slug: string, year: number) {
  const competitionId = Number(
    run(
      `INSERT INTO competitions (slug, name_zh, name_en, edition, registration_opens_at, registration_closes_at)
       VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z')`,
      slug,
      `${year} 试点赛`,
      `${year} Trial`,
      year,
    ).lastInsertRowid,
  );
  const group = (code: string, countries: string[], order: number) =>
    Number(
      run(
        `INSERT INTO groups (competition_id, code, name_zh, name_en, region, eligible_countries, sort_order)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        competitionId,
        code,
        `${code} 赛区`,
        `${code} group`,
        code === "CN" ? "domestic" : "overseas",
        JSON.stringify(countries),
        order,
      ).lastInsertRowid,
    );
  const groups = [group("CN", ["CN"], 1), group("EU", ["DE", "FR"], 2)];
  const trackId = Number(
    run(
      "INSERT INTO tracks (competition_id, code, name_zh, name_en, sort_order) VALUES (?, 'QI', '量子信息', 'Quantum', 1)",
      competitionId,
    ).lastInsertRowid,
  );
  groups.forEach((groupId, g) => {
    for (let i = 1; i <= 4; i++)
      run(
        `INSERT INTO entries (competition_id, group_id, track_id, code, title_en, organization, country, contact_name,
           contact_email, status, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'Contact', 'c@example.org', 'submitted', '2026-02-01T00:00:00Z')`,
        competitionId,
        groupId,
        trackId,
        `${slug.slice(0, 4).toUpperCase()}-${g}-${String(i).padStart(4, "0")}`,
        `Entry ${g}-${i}`,
        `Org ${g}-${i}`,
        g === 0 ? "CN" : "DE",
      );
  });
  const users = one<{ id: number }>("SELECT DISTINCT user_id AS id FROM judges ORDER BY user_id LIMIT 3").map(
    (u) => u.id,
  );
  const judges = users.map((userId, i) => {
    const id = Number(
      run(
        "INSERT INTO judges (competition_id, user_id, name, affiliation, country) VALUES (?, ?, ?, ?, 'SG')",
        competitionId,
        userId,
        `Judge ${i + 1}`,
        `Institute ${i + 1}`,
      ).lastInsertRowid,
    );
    run("INSERT INTO judge_expertise (judge_id, track_id) VALUES (?, ?)", id, trackId);
    return { id, userId };
  });
  return { competitionId, judges };
}

/** A new round's form as the page posts it, with the page's defaults for what is not given. */
export function roundForm(fields: Record<string, string>): Record<string, string> {
  return {
    nameZh: "初赛",
    nameEn: "Preliminary",
    kind: "online",
    scope: "group",
    judgesPerEntry: "3",
    advanceCount: "2",
    dropHighest: "1",
    dropLowest: "1",
    combine: "mean",
    decimals: "2",
    rounding: "half-up",
    normalization: "none",
    tieBreak1: "untrimmed-mean",
    rubric: "default",
    ...fields,
  };
}

/** Opens a created round, assigns its judges, has each submit every sheet, closes and publishes it. */
export async function runRound(
  services: Services,
  organizer: SessionUser,
  edition: { competitionId: number; judges: { id: number; userId: number }[] },
  roundSlug: string,
  roundId: number,
) {
  const { competitionId } = edition;
  expect(await services.rounds.setStatus(organizer, competitionId, roundSlug, "open", null)).toEqual({ ok: true });
  const run = await services.assignment.run(organizer, roundId, { seed: 7 });
  expect(run).toMatchObject({ ok: true, added: 24, unassigned: [] });
  const found = await services.rounds.bySlug(competitionId, roundSlug);
  const criteria = found!.criteria;
  for (const [j, judge] of edition.judges.entries()) {
    const user: SessionUser = { id: judge.userId, email: "", displayName: "", locale: "en", roles: ["judge"] };
    const list = await services.judging.list(user, competitionId, roundSlug);
    if (!list) throw new Error("the judge should see the round's entries");
    for (const [e, entry] of list.items.entries()) {
      const sheet: Record<string, string> = { intent: "submit" };
      for (const c of criteria) sheet[`m${c.id}`] = String(((e + j) % 10) + 0.5);
      expect(await services.judging.save(user, competitionId, roundSlug, entry.id, sheet)).toMatchObject({ ok: true });
    }
  }
  expect(await services.rounds.setStatus(organizer, competitionId, roundSlug, "closed", null)).toEqual({ ok: true });
  const published = await services.resultsAdmin.publish(organizer, roundId, { checked: true, confirmNext: true });
  expect(published).toMatchObject({ ok: true });
  return published;
}
