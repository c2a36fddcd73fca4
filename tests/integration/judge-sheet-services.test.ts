// The judge's sheet for a day of scoring, at the services on a copy of the demo: "submit and next"
// walks the judge's list in order to the end, the list's filters count what they hold, and what a
// criterion's marks mean is saved with the rubric, carried by new and copied rounds, and read on the sheet.
import { beforeAll, describe, expect, it } from "vitest";
import { competitionFormSchema } from "../../app/domain/edition-schemas";
import { markField } from "../../app/domain/score-sheet";
import type { SessionUser } from "../../app/services/auth.server";
import type { Services } from "../../app/services/index.server";
import { buildEdition, roundForm } from "../support/new-edition";
import { servicesForThisFile } from "../support/services";

const harness = servicesForThisFile("demo");
let services: Services;
let judge: SessionUser;
let judgeId = 0;
let competitionId = 0;
const roundId = (slug: string) =>
  harness.one<{ id: number }>("SELECT id FROM rounds WHERE competition_id = ? AND slug = ?", competitionId, slug).id;

/** The judge's domain entries in the list's order (code, as the round has no stage order), with their sheet's state. */
const listed = () =>
  harness.all<{ id: number; code: string; state: string | null; entryStatus: string }>(
    `SELECT e.id, e.code, s.status AS state, e.status AS entryStatus FROM assignments a
     JOIN entries e ON e.id = a.entry_id
     LEFT JOIN scores s ON s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id
     LEFT JOIN round_entries re ON re.round_id = a.round_id AND re.entry_id = a.entry_id
     WHERE a.round_id = ? AND a.judge_id = ? ORDER BY re.stage_order, e.code`,
    roundId("domain"),
    judgeId,
  );

beforeAll(() => {
  services = harness.services;
  competitionId = harness.one<{ id: number }>("SELECT id FROM competitions WHERE slug = 'zgc2026'").id;
  judgeId = harness.one<{ id: number }>(
    "SELECT j.id FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = 'judge@frontier.demo'",
  ).id;
  judge = harness.judgeUser(judgeId);
});

describe("the judge's list of a round", () => {
  it("counts what is still to do, drafts, submitted and all, and shows only what the filter asks for", async () => {
    const rows = listed();
    const expected = {
      todo: rows.filter((r) => r.state !== "submitted").length,
      draft: rows.filter((r) => r.state === "draft").length,
      submitted: rows.filter((r) => r.state === "submitted").length,
      all: rows.length,
    };
    // The demo leaves this judge with a mix: some submitted, some drafts, most not started.
    expect(expected.all).toBe(22);
    expect(expected.draft).toBeGreaterThan(0);
    expect(expected.submitted).toBeGreaterThan(0);
    for (const filter of ["todo", "draft", "submitted", "all"] as const) {
      const list = (await services.judging.list(judge, competitionId, "domain", filter))!;
      expect(list.counts, filter).toEqual(expected);
      expect(list.items).toHaveLength(expected[filter]);
    }
    const todo = (await services.judging.list(judge, competitionId, "domain", "todo"))!;
    expect(todo.items.map((i) => i.code)).toEqual(rows.filter((r) => r.state !== "submitted").map((r) => r.code));
    // Group and track come by name in both languages, not only by code.
    expect(todo.items[0]).toMatchObject({ groupEn: expect.any(String), groupZh: expect.any(String) });
    expect(todo.items[0]!.trackEn).not.toBe(todo.items[0]!.trackCode);
  });
});

describe("submit and next", () => {
  it("goes from each submitted entry to the next one not submitted in list order, wrapping round, and says when none is left", async () => {
    const criteria = harness
      .all<{ id: number }>("SELECT id FROM criteria WHERE round_id = ? ORDER BY position", roundId("domain"))
      .map((c) => c.id);
    const marks = Object.fromEntries(criteria.map((id, i) => [markField(id), ["8.5", "7", "9"][i] ?? "6"]));
    const rows = listed();
    const todo = rows.filter((r) => r.state !== "submitted" && r.entryStatus === "submitted");
    // Start in the middle of the list, as a judge who opened an entry from the list would.
    const start = todo[Math.floor(todo.length / 2)]!;
    const startAt = todo.indexOf(start);
    const expectedWalk = [...todo.slice(startAt + 1), ...todo.slice(0, startAt)].map((r) => r.code);
    const walked: string[] = [];
    let current = start.id;
    for (;;) {
      const saved = await services.judging.save(judge, competitionId, "domain", current, {
        intent: "submit",
        ...marks,
      });
      expect(saved).toMatchObject({ ok: true, status: "submitted" });
      const { next, code } = await services.judging.nextUnscored(judge, competitionId, "domain", current);
      expect(code).toBe(rows.find((r) => r.id === current)!.code);
      if (!next) break;
      walked.push(next.code);
      current = next.id;
      expect(walked.length).toBeLessThanOrEqual(todo.length);
    }
    expect(walked).toEqual(expectedWalk);
    const list = (await services.judging.list(judge, competitionId, "domain", "todo"))!;
    expect(list.counts).toMatchObject({ todo: 0, submitted: 22, all: 22 });
    expect(list.items).toEqual([]);
    // Another judge's entry, or a round they do not see, points nowhere rather than telling anything.
    expect((await services.judging.nextUnscored(judge, competitionId, "final", start.id)).next).toBeNull();
  });
});

describe("what a criterion's marks mean", () => {
  const form = (over: Record<string, string> = {}): Record<string, string> => ({
    "criteria[0].nameZh": "技术突破",
    "criteria[0].nameEn": "Breakthrough",
    "criteria[0].descriptionZh": "9分：可运行的样机，已有付费试点。",
    "criteria[0].descriptionEn": "9: a working prototype with paying pilots.",
    "criteria[0].weight": "60",
    "criteria[0].max": "10",
    "criteria[0].step": "0.5",
    "criteria[1].nameZh": "路演表现",
    "criteria[1].nameEn": "Pitch",
    "criteria[1].descriptionZh": "",
    "criteria[1].descriptionEn": "",
    "criteria[1].weight": "40",
    "criteria[1].max": "10",
    "criteria[1].step": "1",
    ...over,
  });
  const rubricInput = (over: Record<string, string> = {}) => {
    // As the round page's action reads the posted form: Conform's nested names into objects.
    const f = form(over);
    return {
      criteria: [0, 1].map((i) => ({
        nameZh: f[`criteria[${i}].nameZh`],
        nameEn: f[`criteria[${i}].nameEn`],
        descriptionZh: f[`criteria[${i}].descriptionZh`],
        descriptionEn: f[`criteria[${i}].descriptionEn`],
        weight: f[`criteria[${i}].weight`],
        max: f[`criteria[${i}].max`],
        step: f[`criteria[${i}].step`],
      })),
    };
  };

  it("is saved with the rubric in both languages and read on the judge's sheet under each criterion", async () => {
    const outcome = await services.rounds.updateRubric(harness.organizer, competitionId, "final", rubricInput());
    expect(outcome).toEqual({ ok: true });
    expect(
      harness.all(
        "SELECT description_zh, description_en FROM criteria WHERE round_id = ? ORDER BY position",
        roundId("final"),
      ),
    ).toEqual([
      {
        description_zh: "9分：可运行的样机，已有付费试点。",
        description_en: "9: a working prototype with paying pilots.",
      },
      { description_zh: null, description_en: null },
    ]);
    // The judge sees a round once it is open.
    harness.db.sqlite.prepare("UPDATE rounds SET status = 'open' WHERE id = ?").run(roundId("final"));
    const entry = harness.one<{ entry_id: number }>(
      "SELECT entry_id FROM assignments WHERE round_id = ? AND judge_id = ? LIMIT 1",
      roundId("final"),
      judgeId,
    ).entry_id;
    const sheet = (await services.judging.sheet(judge, competitionId, "final", entry))!;
    expect(sheet.criteria.map((c) => [c.nameEn, c.descriptionZh, c.descriptionEn])).toEqual([
      ["Breakthrough", "9分：可运行的样机，已有付费试点。", "9: a working prototype with paying pilots."],
      ["Pitch", null, null],
    ]);
    harness.db.sqlite.prepare("UPDATE rounds SET status = 'draft' WHERE id = ?").run(roundId("final"));
  });

  it("refuses a description over 1000 characters at its field, changing nothing", async () => {
    const before = harness.all("SELECT * FROM criteria WHERE round_id = ? ORDER BY position", roundId("final"));
    const outcome = await services.rounds.updateRubric(
      harness.organizer,
      competitionId,
      "final",
      rubricInput({ "criteria[1].descriptionEn": "x".repeat(1001) }),
    );
    expect(outcome).toMatchObject({
      ok: false,
      kind: "invalid",
      fields: { "criteria[1].descriptionEn": ["validation.tooLong"] },
    });
    expect(harness.all("SELECT * FROM criteria WHERE round_id = ? ORDER BY position", roundId("final"))).toEqual(
      before,
    );
  });

  it("comes with the default rubric of a new round, with a round's rubric copied from another, and with a copied edition", async () => {
    const sqlite = harness.db.sqlite;
    const edition = buildEdition(
      (sql, ...p) => sqlite.prepare(sql).run(...p),
      (sql) => harness.all(sql),
      "meaning2027",
      2027,
    );
    const described = (slug: string) =>
      harness.all<{ name_en: string; description_zh: string | null; description_en: string | null }>(
        `SELECT c.name_en, c.description_zh, c.description_en FROM criteria c JOIN rounds r ON r.id = c.round_id
         WHERE r.competition_id = ? AND r.slug = ? ORDER BY c.position`,
        edition.competitionId,
        slug,
      );
    const created = await services.roundCreate.create(harness.organizer, "meaning2027", roundForm({ slug: "prelim" }));
    expect(created).toMatchObject({ ok: true, criteria: 4 });
    const defaults = described("prelim");
    expect(defaults.every((c) => c.description_zh && c.description_en?.startsWith("9–10:"))).toBe(true);
    const copied = await services.roundCreate.create(
      harness.organizer,
      "meaning2027",
      roundForm({ slug: "second", rubric: "copy", copyFrom: "prelim" }),
    );
    expect(copied).toMatchObject({ ok: true });
    expect(described("second")).toEqual(defaults);

    // A new edition copied from the demo carries the demo's descriptions round by round.
    const input = competitionFormSchema.parse({
      nameZh: "2028 前沿大赛",
      nameEn: "Frontier 2028",
      slug: "meaning2028",
      year: "2028",
      timeZone: "Asia/Shanghai",
      opensAt: "2028-03-01T00:00",
      closesAt: "2028-06-30T23:59",
      copyFrom: "zgc2026",
    });
    expect(await services.editions.create(harness.organizer, input)).toMatchObject({ ok: true });
    const demoDomain = harness.all(
      `SELECT c.name_en, c.description_zh, c.description_en FROM criteria c WHERE c.round_id = ? ORDER BY c.position`,
      roundId("domain"),
    );
    expect(demoDomain.every((c) => (c as { description_en: string | null }).description_en)).toBe(true);
    const copy = harness.all(
      `SELECT c.name_en, c.description_zh, c.description_en FROM criteria c JOIN rounds r ON r.id = c.round_id
       JOIN competitions k ON k.id = r.competition_id WHERE k.slug = 'meaning2028' AND r.slug = 'domain' ORDER BY c.position`,
    );
    expect(copy).toEqual(demoDomain);
  });
});
