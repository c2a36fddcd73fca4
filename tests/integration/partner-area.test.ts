// The partner area through the real server: a partner's person signs in and lands on its pages,
// named for the organization with the area's navigation; the profile form saves (the kind stays), a
// bad field is answered at that field with nothing written, and other roles are refused.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { addPartner, demoRound, openFollowOn } from "../support/follow-on";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let partnerId = 0;
let userId = 0;
let password = "";
let trackCode = "";
let cookie = "";

type Stored = { kind: string; name_en: string; name_zh: string | null; ticket_min_wan: number; ticket_max_wan: number };
const stored = () =>
  demo.query<Stored>(
    "SELECT kind, name_en, name_zh, ticket_min_wan, ticket_max_wan FROM partners WHERE id = ?",
    partnerId,
  )[0]!;

const profileForm = (fields: Record<string, string | string[]>) => {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
  return form;
};
const good = () => ({
  nameEn: "Area Ventures Two",
  nameZh: "区域创投",
  aboutEn: "Early-stage frontier technology.",
  country: "CN",
  city: "Shenzhen",
  tracks: [trackCode],
  regions: ["CN-S", "AS"],
  stages: ["A", "B"],
  ticketMinWan: "200",
  ticketMaxWan: "3000",
  // Not a field of the form: the stored kind stays whatever is posted.
  kind: "park",
});

beforeAll(async () => {
  const sqlite = new Database(demo.dbFile);
  sqlite.pragma("busy_timeout = 5000");
  const { competitionId, roundId } = demoRound(sqlite, "final");
  openFollowOn(sqlite, competitionId, roundId);
  trackCode = (
    sqlite
      .prepare("SELECT code FROM tracks WHERE competition_id = ? ORDER BY sort_order LIMIT 1")
      .get(competitionId) as {
      code: string;
    }
  ).code;
  const p = await addPartner(sqlite, competitionId, {
    kind: "investor",
    email: "area@inv.test",
    nameEn: "Area Ventures",
    ticket: [100, 5000],
  });
  sqlite.close();
  partnerId = p.partnerId;
  userId = p.userId;
  password = p.password;
});

describe("partner area", () => {
  it("lands a partner's person on /partner after sign-in, named for the partner, with the area's links", async () => {
    const login = await demo.post("/login", new URLSearchParams({ email: "area@inv.test", password }));
    expect(login.status).toBe(302);
    expect(login.headers.get("location")).toBe("/partner");
    cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const page = await demo.get("/partner", { cookie });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Signed in for Area Ventures");
    for (const path of ["/partner/requests", "/partner/meetings", "/partner/agenda", "/partner/profile"])
      expect(html, path).toContain(`href="${path}"`);
  });

  it("saves the profile form and keeps the partner's kind", async () => {
    const before = demo.count(
      "SELECT count(*) n FROM audit_log WHERE action = 'partner.updated' AND subject_id = ?",
      partnerId,
    );
    const form = await demo.get("/partner/profile", { cookie });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('value="Area Ventures"');
    const res = await demo.post("/partner/profile", profileForm(good()), { cookie });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/partner/profile?saved=1");
    expect(stored()).toEqual({
      kind: "investor",
      name_en: "Area Ventures Two",
      name_zh: "区域创投",
      ticket_min_wan: 200,
      ticket_max_wan: 3000,
    });
    const audit = demo.query<{ actor_user_id: number }>(
      "SELECT actor_user_id FROM audit_log WHERE action = 'partner.updated' AND subject_id = ? ORDER BY id DESC",
      partnerId,
    );
    expect(audit.length).toBe(before + 1);
    expect(audit[0]!.actor_user_id).toBe(userId);
  });

  it("answers a smallest ticket above the largest at that field, in the reader's language, and writes nothing", async () => {
    const before = stored();
    for (const lang of ["en", "zh-Hans"]) {
      const res = await demo.post(
        "/partner/profile",
        profileForm({ ...good(), nameEn: "Should Not Stick", ticketMinWan: "5000", ticketMaxWan: "100" }),
        { cookie, lang },
      );
      expect(res.status).toBe(400);
      const html = await res.text();
      const error = /id="partner-ticketMaxWan-error"[^>]*>([^<]+)</.exec(html);
      expect(error, lang).not.toBeNull();
      expect(error![1]).not.toContain("validation.");
      if (lang === "zh-Hans") expect(error![1]).toMatch(/[\u4e00-\u9fff]/);
      expect(html).toMatch(
        /id="partner-ticketMaxWan"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="partner-ticketMaxWan"/,
      );
      // What was typed stays in the form.
      expect(html).toContain('value="Should Not Stick"');
    }
    expect(stored()).toEqual(before);
  });

  it("refuses the profile page and its form to a judge and to an entrant", async () => {
    const before = stored();
    const judge = await demo.signIn("judge@frontier.demo", "frontier-judge");
    const entrant = await demo.signIn("entrant@frontier.demo", "frontier-entrant");
    for (const who of [judge, entrant]) {
      expect((await demo.get("/partner/profile", { cookie: who })).status).toBe(403);
      expect((await demo.post("/partner/profile", profileForm(good()), { cookie: who })).status).toBe(403);
    }
    expect(stored()).toEqual(before);
  });

  it("sends a signed-out visitor to sign in", async () => {
    const res = await demo.get("/partner/profile");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toContain("/login");
  });
});
