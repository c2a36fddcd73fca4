// A round says how it is judged, and the live final follows what it says, not the round's position.
import { describe, expect, it } from "vitest";
import { servicesForThisFile } from "../support/services";

const harness = servicesForThisFile();
const { one } = harness;

const settingsOf = (slug: string, kind: string) => {
  const r = one<Record<string, string | number>>("SELECT * FROM rounds WHERE slug = ?", slug);
  return {
    nameZh: r["name_zh"],
    nameEn: r["name_en"],
    scope: r["scope"],
    kind,
    judgesPerEntry: String(r["judges_per_entry"]),
    advanceCount: String(r["advance_count"]),
    dropHighest: String(r["drop_highest"]),
    dropLowest: String(r["drop_lowest"]),
    combine: r["combine"],
    decimals: String(r["decimals"]),
    rounding: r["rounding"],
    normalization: r["normalization"],
  };
};

describe("how a round is judged", () => {
  it("cannot change once judges have scored under it, and says so at the field", async () => {
    const { services, organizer } = harness;
    const competition = one<{ id: number }>("SELECT id FROM competitions").id;
    const outcome = await services.rounds.updateSettings(
      organizer,
      competition,
      "domain",
      settingsOf("domain", "stage"),
    );
    expect(outcome).toMatchObject({
      ok: false,
      kind: "conflict",
      field: "kind",
      fields: { kind: ["round.kindLocked"] },
    });
    expect(one<{ kind: string }>("SELECT kind FROM rounds WHERE slug = 'domain'").kind).toBe("online");
  });

  it("decides which round the live final plays: none played on stage, no live final to start", async () => {
    const { services, organizer } = harness;
    harness.db.sqlite.prepare("UPDATE rounds SET kind = 'online' WHERE slug = 'final'").run();
    expect(await services.live.start(organizer, "zgc2026")).toMatchObject({ ok: false });
    harness.db.sqlite.prepare("UPDATE rounds SET kind = 'stage' WHERE slug = 'final'").run();
    expect(await services.live.start(organizer, "zgc2026")).toEqual({ ok: true });
  });

  it("refuses to make a second round of an edition the live final, at the field", async () => {
    const { services, organizer } = harness;
    const competition = one<{ id: number }>("SELECT id FROM competitions").id;
    const last = one<{ p: number }>("SELECT max(position) AS p FROM rounds WHERE competition_id = ?", competition).p;
    harness.db.sqlite
      .prepare(
        `INSERT INTO rounds (competition_id, position, slug, name_zh, name_en, scope, judges_per_entry, advance_count)
         VALUES (?, ?, 'encore', '加赛', 'Encore', 'all', 3, 0)`,
      )
      .run(competition, last + 1);
    const outcome = await services.rounds.updateSettings(
      organizer,
      competition,
      "encore",
      settingsOf("encore", "stage"),
    );
    expect(outcome).toMatchObject({ ok: false, field: "kind", fields: { kind: ["round.secondStage"] } });
    expect(one<{ kind: string }>("SELECT kind FROM rounds WHERE slug = 'encore'").kind).toBe("online");
    // Reviewed online it may be.
    expect(
      await services.rounds.updateSettings(organizer, competition, "encore", settingsOf("encore", "online")),
    ).toEqual({ ok: true });
  });
});
