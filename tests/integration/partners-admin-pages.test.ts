// The organizers' partner pages through the real server on the demo: the list with its filters, an
// invitation posted as the form sends it (errors at the field for bad input, the link for good),
// one partner's page and its disabling, the import's preview and confirmation over HTTP, the
// templates; a judge or an entrant is refused every one of these pages.
import { describe, expect, it } from "vitest";
import { PARTNER_IMPORT_COLUMNS, PARTNER_TEMPLATE_EXAMPLES } from "../../app/domain/partner-import";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
const organizer = () => demo.signIn("organizer@frontier.demo", "frontier-organizer");

function investor(email: string, extra: Record<string, string> = {}) {
  const form = new URLSearchParams({
    kind: "investor",
    nameEn: "Pages Capital",
    country: "CN",
    ticketMinWan: "100",
    ticketMaxWan: "900",
    personName: "Zhang Wei",
    personEmail: email,
    ...extra,
  });
  form.append("stages", "A");
  form.append("tracks", "QI");
  return form;
}

describe("organizer partner pages", () => {
  it("lists the partners with counts by kind, filtered by the URL", async () => {
    const cookie = await organizer();
    const all = await demo.get("/admin/partners", { cookie });
    expect(all.status).toBe(200);
    expect(await all.text()).toContain("Investors: ");
    const parks = await demo.get("/admin/partners?kind=park", { cookie });
    const html = await parks.text();
    const shown = Number(/(\d+) shown/.exec(html)?.[1]);
    const stored = demo.count(
      `SELECT count(*) n FROM partners p JOIN competitions c ON c.id = p.competition_id
        WHERE p.kind = 'park' AND p.disabled_at IS NULL
          AND c.id = (SELECT id FROM competitions ORDER BY edition DESC, id DESC LIMIT 1)`,
    );
    expect(shown).toBe(stored);
  });

  it("invites a partner from the form and shows its single-use link", async () => {
    const cookie = await organizer();
    const res = await demo.post("/admin/partners?invite=investor", investor("zhang.wei@pages.example"), { cookie });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/\/invite\/\d+\.\d+\.[A-Za-z0-9_-]+/);
    expect(demo.count("SELECT count(*) n FROM users WHERE email = 'zhang.wei@pages.example'")).toBe(1);
  });

  it("answers bad input with 400 and each message at its field, storing nothing", async () => {
    const cookie = await organizer();
    const before = demo.count("SELECT count(*) n FROM partners");
    const res = await demo.post(
      "/admin/partners?invite=investor",
      investor("not-an-address", { ticketMinWan: "500", ticketMaxWan: "100", nameEn: "" }),
      { cookie },
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="partner-personEmail-error"[^>]*>Please enter a valid e-mail address\./);
    expect(html).toMatch(/id="partner-ticketMaxWan-error"[^>]*>The largest ticket cannot be below the smallest\./);
    expect(html).toMatch(/id="partner-nameZh-error"[^>]*>Please give the name in Chinese or in English\./);
    expect(demo.count("SELECT count(*) n FROM partners")).toBe(before);
    const zh = await demo.post("/admin/partners", investor("bad"), { cookie, lang: "zh-Hans" });
    expect(await zh.text()).toContain("请输入有效的电子邮箱地址");
  });

  it("disables a partner only once the box is ticked", async () => {
    const cookie = await organizer();
    const id = demo.query<{ id: number }>(
      "SELECT p.id FROM partners p JOIN partner_people pp ON pp.partner_id = p.id JOIN users u ON u.id = pp.user_id WHERE u.email = 'zhang.wei@pages.example'",
    )[0]!.id;
    const page = await demo.get(`/admin/partners/${id}`, { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Its people lose access");
    const unticked = await demo.post(`/admin/partners/${id}`, new URLSearchParams({ form: "switch", disabled: "1" }), {
      cookie,
    });
    expect(unticked.status).toBe(400);
    expect(demo.count("SELECT count(*) n FROM partners WHERE id = ? AND disabled_at IS NOT NULL", id)).toBe(0);
    const ticked = await demo.post(
      `/admin/partners/${id}`,
      new URLSearchParams({ form: "switch", disabled: "1", confirm: "on" }),
      { cookie },
    );
    expect(ticked.status).toBe(302);
    expect(demo.count("SELECT count(*) n FROM partners WHERE id = ? AND disabled_at IS NOT NULL", id)).toBe(1);
  });

  it("previews an uploaded file, then confirms it; the templates download", async () => {
    const cookie = await organizer();
    const header = PARTNER_IMPORT_COLUMNS.map((c) => c.column);
    const rows = PARTNER_TEMPLATE_EXAMPLES.map((ex, i) =>
      header.map((c) => (c === "person_email" ? `http${i}@import.example` : ex[c])).join(","),
    );
    const form = new FormData();
    form.append("file", new Blob([[header.join(","), ...rows].join("\n")], { type: "text/csv" }), "p.csv");
    const preview = await demo.post("/admin/partners/import", form, { cookie });
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect(html).toContain("Confirming creates 3 partners");
    const importId = /name="importId" value="(\d+)"/.exec(html)?.[1];
    expect(demo.count("SELECT count(*) n FROM users WHERE email LIKE 'http%@import.example'")).toBe(0);
    const confirm = await demo.post(
      "/admin/partners/import",
      new URLSearchParams({ step: "confirm", importId: importId! }),
      { cookie },
    );
    expect(confirm.status).toBe(302);
    expect(demo.count("SELECT count(*) n FROM users WHERE email LIKE 'http%@import.example'")).toBe(3);
    for (const path of ["/admin/partners/import/template.csv", "/admin/partners/import/template.xlsx"]) {
      const res = await demo.get(path, { cookie });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-disposition"), path).toContain("partners-template-");
    }
  });

  it("refuses the pages to a judge and to an entrant", async () => {
    const judge = await demo.signIn("judge@frontier.demo", "frontier-judge");
    const entrant = await demo.signIn("entrant@frontier.demo", "frontier-entrant");
    const id = demo.query<{ id: number }>("SELECT id FROM partners ORDER BY id LIMIT 1")[0]!.id;
    for (const cookie of [judge, entrant]) {
      for (const path of [
        "/admin/partners",
        `/admin/partners/${id}`,
        "/admin/partners/import",
        "/admin/partners/import/template.csv",
      ]) {
        const res = await demo.get(path, { cookie });
        expect([403, 404], path).toContain(res.status);
      }
      const post = await demo.post("/admin/partners", investor("sneaky@pages.example"), { cookie });
      expect([403, 404]).toContain(post.status);
    }
    expect(demo.count("SELECT count(*) n FROM users WHERE email = 'sneaky@pages.example'")).toBe(0);
  });
});
