// The partner import on a real SQLite copy of the demo: a file with bad rows is refused at row and
// column and stores nothing; a good file is previewed, then confirmed in one transaction with its
// audit rows; an undo removes what it made, and is refused once one of its people signed in.
import { beforeAll, describe, expect, it } from "vitest";
import { PARTNER_IMPORT_COLUMNS, PARTNER_TEMPLATE_EXAMPLES } from "../../app/domain/partner-import";
import { demoRound } from "../support/follow-on";
import { servicesForThisFile } from "../support/services";

const h = servicesForThisFile("demo");
let competitionId = 0;
const header = PARTNER_IMPORT_COLUMNS.map((c) => c.column);

/** A CSV of the template's examples, each with a fresh address, and any row overridden. */
function csv(tag: string, rows: Record<string, string>[] = []) {
  const examples = PARTNER_TEMPLATE_EXAMPLES.map((ex, i) => ({ ...ex, person_email: `p${i}.${tag}@import.example` }));
  const lines = [...examples, ...rows].map((r) =>
    header.map((c) => `"${(r[c as keyof typeof r] ?? "").replace(/"/g, '""')}"`).join(","),
  );
  return { name: `${tag}.csv`, bytes: new TextEncoder().encode([header.join(","), ...lines].join("\n")) };
}

const counts = () =>
  h.one<{ partners: number; people: number; users: number; imports: number; audit: number }>(
    `SELECT (SELECT count(*) FROM partners) partners, (SELECT count(*) FROM partner_people) people,
       (SELECT count(*) FROM users) users, (SELECT count(*) FROM partner_imports) imports,
       (SELECT count(*) FROM audit_log) audit`,
  );

beforeAll(() => {
  competitionId = demoRound(h.db.sqlite, "final").competitionId;
});

async function previewAndConfirm(tag: string) {
  const preview = await h.services.partnerImport.preview(h.organizer, competitionId, csv(tag));
  if (!preview.ok) throw new Error(JSON.stringify(preview));
  const confirmed = await h.services.partnerImport.confirm(h.organizer, competitionId, preview.importId);
  if (!confirmed.ok) throw new Error(JSON.stringify(confirmed));
  return preview.importId;
}

describe("partner import", () => {
  it("refuses a file with bad rows at their row and column and stores nothing", async () => {
    const before = counts();
    const file = csv("bad", [
      { ...PARTNER_TEMPLATE_EXAMPLES[0]!, ticket_min_wan: "lots", person_email: "a.bad@import.example" },
      { ...PARTNER_TEMPLATE_EXAMPLES[1]!, kind: "bank", person_email: "not-an-address" },
      { ...PARTNER_TEMPLATE_EXAMPLES[2]!, person_email: "p0.bad@import.example" },
    ]);
    const out = await h.services.partnerImport.preview(h.organizer, competitionId, file);
    expect(out).toMatchObject({ ok: false, kind: "invalid", code: "partnersAdmin.import.hasProblems", field: "file" });
    if (out.ok || !("report" in out)) throw new Error("expected a report");
    expect(out.report.rows).toBe(6);
    expect(out.report.problems).toEqual(
      expect.arrayContaining([
        { row: 5, column: "ticket_min_wan", code: "partners.validation.wholeNumber" },
        { row: 6, column: "kind", code: "partners.validation.kind" },
        { row: 6, column: "person_email", code: "validation.email" },
        { row: 7, column: "person_email", code: "partners.import.duplicateInFile" },
      ]),
    );
    expect(counts()).toEqual(before);
  });

  it("previews a good file without storing a partner, then confirms all of it in one go, audited", async () => {
    const before = counts();
    const preview = await h.services.partnerImport.preview(h.organizer, competitionId, csv("good"));
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    expect(preview.report).toEqual({ rows: 3, byKind: { investor: 1, park: 1, corporate: 1 }, problems: [] });
    expect(counts()).toEqual({ ...before, imports: before.imports + 1 });

    const confirmed = await h.services.partnerImport.confirm(h.organizer, competitionId, preview.importId);
    expect(confirmed).toMatchObject({ ok: true, created: 3 });
    expect(counts()).toEqual({
      partners: before.partners + 3,
      people: before.people + 3,
      users: before.users + 3,
      imports: before.imports + 1,
      audit: before.audit + 3,
    });
    const made = h.all<{ kind: string; email: string; role: string }>(
      `SELECT p.kind, u.email, r.role FROM partners p JOIN partner_people pp ON pp.partner_id = p.id
         JOIN users u ON u.id = pp.user_id JOIN user_roles r ON r.user_id = u.id
        WHERE u.email LIKE '%.good@import.example' ORDER BY p.id`,
    );
    expect(made).toEqual([
      { kind: "investor", email: "p0.good@import.example", role: "partner" },
      { kind: "park", email: "p1.good@import.example", role: "partner" },
      { kind: "corporate", email: "p2.good@import.example", role: "partner" },
    ]);
    const audit = h.all<{ actor_user_id: number; after: string }>(
      "SELECT actor_user_id, after FROM audit_log WHERE action = 'partner.imported' ORDER BY id DESC LIMIT 3",
    );
    expect(audit.every((a) => a.actor_user_id === h.organizer.id)).toBe(true);
    expect(audit.map((a) => JSON.parse(a.after).import)).toEqual([
      preview.importId,
      preview.importId,
      preview.importId,
    ]);

    const twice = await h.services.partnerImport.confirm(h.organizer, competitionId, preview.importId);
    expect(twice).toMatchObject({ ok: false, kind: "conflict", code: "partnersAdmin.import.alreadyConfirmed" });
    expect(counts().partners).toBe(before.partners + 3);
  });

  it("undoes an import: its partners, people and new accounts are gone, the undo audited", async () => {
    const before = counts();
    const importId = await previewAndConfirm("undo");
    const undone = await h.services.partnerImport.undo(h.organizer, competitionId, importId);
    expect(undone).toEqual({ ok: true, removed: 3 });
    expect(counts()).toEqual({ ...before, imports: before.imports + 1, audit: before.audit + 6 });
    expect(h.one("SELECT count(*) n FROM users WHERE email LIKE '%.undo@import.example'")).toEqual({ n: 0 });
    expect(
      h.one(
        "SELECT count(*) n FROM audit_log WHERE action = 'partner.import_undone' AND json_extract(after, '$.import') = ?",
        importId,
      ),
    ).toEqual({ n: 3 });
    const recent = await h.services.partnerImport.recent(h.organizer, competitionId);
    if (!recent.ok) throw new Error("recent refused");
    expect(recent.imports.find((i) => i.id === importId)).toMatchObject({ partners: 3, undoneAt: expect.any(String) });
  });

  it("refuses the undo, with the reason, once one of its people accepted the invitation", async () => {
    const importId = await previewAndConfirm("accepted");
    h.db.sqlite
      .prepare(
        `UPDATE partner_people SET accepted_at = datetime('now')
          WHERE user_id = (SELECT id FROM users WHERE email = 'p1.accepted@import.example')`,
      )
      .run();
    const before = counts();
    const refused = await h.services.partnerImport.undo(h.organizer, competitionId, importId);
    expect(refused).toMatchObject({
      ok: false,
      kind: "conflict",
      code: "partnersAdmin.import.undoAccepted",
      params: { count: 1, emails: "p1.accepted@import.example" },
    });
    expect(counts()).toEqual(before);
  });

  it("lets only organizers preview, confirm or undo", async () => {
    const judgeId = h.one<{ id: number }>("SELECT id FROM judges ORDER BY id LIMIT 1").id;
    const judge = h.judgeUser(judgeId);
    const forbidden = { ok: false, kind: "forbidden", code: "errors.forbiddenBody" };
    expect(await h.services.partnerImport.preview(judge, competitionId, csv("judge"))).toEqual(forbidden);
    expect(await h.services.partnerImport.confirm(judge, competitionId, 1)).toEqual(forbidden);
    expect(await h.services.partnerImport.undo(judge, competitionId, 1)).toEqual(forbidden);
  });
});
