// Pitch decks through the real server: upload, type checked by content, size limit, who may read
// it, the deadline, and the organizers' ZIP of a round.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { demoServerForThisFile, type DemoServer } from "../support/demo-server";
import { tinyPdf } from "../support/tiny-pdf";

const demo: DemoServer = demoServerForThisFile();

const PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
);

let entrant = "";
let organizer = "";
let judge = "";
let entry: { id: number; code: string; title_en: string | null; title_zh: string | null; competition_id: number };
let roundSlug = "";

function form(file: Uint8Array<ArrayBuffer> | null, name = "pitch.pdf", videoUrl?: string) {
  const body = new FormData();
  if (file) body.set("deck", new Blob([file], { type: "application/pdf" }), name);
  if (videoUrl !== undefined) body.set("videoUrl", videoUrl);
  return body;
}
const currentDeck = () =>
  demo.query<{ sha256: string; bytes: number; file_name: string }>(
    "SELECT sha256, bytes, file_name FROM entry_decks WHERE entry_id = ? AND replaced_at IS NULL",
    entry.id,
  )[0];
const tempFiles = () => {
  const tmp = path.join(path.dirname(demo.dbFile), "files", "tmp");
  return fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
};
const setDeadline = (iso: string) =>
  demo.run(
    "UPDATE competitions SET registration_opens_at = '2019-01-01T00:00:00.000Z', registration_closes_at = ? WHERE id = ?",
    iso,
    entry.competition_id,
  );

/** Registers a new account through the sign-up form and returns its session cookie. */
async function signUp(email: string) {
  const res = await demo.post(
    "/signup",
    new URLSearchParams({ email, password: "a-long-enough-password", displayName: email.split("@")[0]! }),
  );
  expect(res.status).toBe(302);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on("entry", (item: yauzl.Entry) => {
        zip.openReadStream(item, (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            files.set(item.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(files));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  // The demo entrant's entry becomes one the demo judge is assigned to, in a round of its edition.
  const assigned = demo.query<{ id: number }>(
    `SELECT e.id FROM assignments a JOIN judges j ON j.id = a.judge_id JOIN users u ON u.id = j.user_id
     JOIN entries e ON e.id = a.entry_id JOIN rounds r ON r.id = a.round_id
     WHERE u.email = 'judge@frontier.demo' AND e.status = 'submitted' AND r.competition_id = e.competition_id
     ORDER BY e.id LIMIT 1`,
  )[0]!;
  demo.run(
    "UPDATE entries SET entrant_user_id = NULL WHERE entrant_user_id = (SELECT id FROM users WHERE email = 'entrant@frontier.demo')",
  );
  demo.run(
    "UPDATE entries SET entrant_user_id = (SELECT id FROM users WHERE email = 'entrant@frontier.demo') WHERE id = ?",
    assigned.id,
  );
  entry = demo.query<typeof entry>(
    "SELECT id, code, title_en, title_zh, competition_id FROM entries WHERE id = ?",
    assigned.id,
  )[0]!;
  roundSlug = demo.query<{ slug: string }>(
    "SELECT r.slug FROM round_entries re JOIN rounds r ON r.id = re.round_id WHERE re.entry_id = ? ORDER BY r.position DESC LIMIT 1",
    entry.id,
  )[0]!.slug;
  setDeadline("2099-01-01T00:00:00.000Z");
  [entrant, organizer, judge] = await Promise.all([
    demo.signIn("entrant@frontier.demo", "frontier-entrant"),
    demo.signIn("organizer@frontier.demo", "frontier-organizer"),
    demo.signIn("judge@frontier.demo", "frontier-judge"),
  ]);
});

describe("pitch decks", () => {
  it("an entrant attaches a PDF with a video link and reads the deck back inline from the entry's page", async () => {
    const pdf = tinyPdf("first");
    const res = await demo.post(
      `/me/entries/${entry.id}/deck`,
      form(pdf, "Our pitch.pdf", "https://video.example.org/pitch"),
      { cookie: entrant },
    );
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/me/entries/${entry.id}?deck=saved`);
    const stored = currentDeck()!;
    expect(stored).toMatchObject({ bytes: pdf.length, file_name: "Our pitch.pdf" });
    const file = path.join(
      path.dirname(demo.dbFile),
      "files",
      stored.sha256.slice(0, 2),
      stored.sha256.slice(2, 4),
      stored.sha256,
    );
    expect(new Uint8Array(fs.readFileSync(file))).toEqual(pdf);
    expect(tempFiles()).toEqual([]);
    expect(
      demo.count("SELECT count(*) n FROM audit_log WHERE action = 'entry.deck_attached' AND subject_id = ?", entry.id),
    ).toBe(1);
    expect(
      demo.query<{ video_url: string }>("SELECT video_url FROM entries WHERE id = ?", entry.id)[0]!.video_url,
    ).toBe("https://video.example.org/pitch");

    const page = await (await demo.get(`/me/entries/${entry.id}?deck=saved`, { cookie: entrant })).text();
    expect(page).toContain(`/entries/${entry.code}/deck`);
    expect(page).toContain("Deck and link saved.");

    const read = await demo.get(`/entries/${entry.code}/deck`, { cookie: entrant });
    expect(read.status).toBe(200);
    expect(read.headers.get("content-type")).toBe("application/pdf");
    expect(read.headers.get("content-disposition")).toMatch(/^inline; filename="Our pitch\.pdf"/);
    expect(read.headers.get("x-content-type-options")).toBe("nosniff");
    expect(read.headers.get("cache-control")).toBe("private, no-store");
    // The judge's sheet frames it: same-origin framing is allowed, other sites' is not.
    expect(read.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(pdf);
  });

  it("a PNG or a text file named .pdf is refused at the field in the reader's language, and the deck stays", async () => {
    const before = currentDeck();
    const png = await demo.post(`/me/entries/${entry.id}/deck`, form(PNG as Uint8Array<ArrayBuffer>, "slides.pdf"), {
      cookie: entrant,
    });
    expect(png.status).toBe(400);
    expect(await png.text()).toContain("This file is not a PDF (its content was checked, not its name).");
    const text = new TextEncoder().encode("just some notes, not a PDF at all\n".repeat(20)) as Uint8Array<ArrayBuffer>;
    const zh = await demo.post(`/me/entries/${entry.id}/deck`, form(text, "slides.pdf"), {
      cookie: entrant,
      lang: "zh-CN",
    });
    expect(zh.status).toBe(400);
    expect(await zh.text()).toContain("该文件不是 PDF（系统检查的是文件内容，而非文件名）。");
    // The same refusal reaches the page's in-place form (posted by JavaScript as single-fetch data).
    const fetched = await demo.post(`/me/entries/${entry.id}/deck.data`, form(text, "slides.pdf"), { cookie: entrant });
    expect(fetched.status).toBe(400);
    expect(await fetched.text()).toContain("decks.notPdf");
    expect(currentDeck()).toEqual(before);
    expect(tempFiles()).toEqual([]);
  });

  it("a video link that is not http or https is refused at its field", async () => {
    const res = await demo.post(`/me/entries/${entry.id}/deck`, form(null, "", "javascript:alert(1)"), {
      cookie: entrant,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Enter a link starting with http:// or https://.");
    expect(
      demo.query<{ video_url: string }>("SELECT video_url FROM entries WHERE id = ?", entry.id)[0]!.video_url,
    ).toBe("https://video.example.org/pitch");
  });

  it("a 50 MB upload is refused with the limit at the field, the server stays healthy and the old deck remains", async () => {
    const before = currentDeck();
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set(tinyPdf("big"));
    const res = await demo.post(`/me/entries/${entry.id}/deck`, form(big, "huge.pdf"), { cookie: entrant });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("The file is larger than 20 MB: choose a smaller PDF.");
    expect((await demo.get("/healthz")).status).toBe(200);
    expect(currentDeck()).toEqual(before);
    expect(tempFiles()).toEqual([]);
    const read = await demo.get(`/entries/${entry.code}/deck`, { cookie: entrant });
    expect(read.status).toBe(200);
    await read.arrayBuffer();
  }, 60_000);

  it("a judge assigned to the entry reads the deck; other judges, other entrants and anonymous visitors get 404 as for no deck", async () => {
    const assigned = await demo.get(`/entries/${entry.code}/deck`, { cookie: judge });
    expect(assigned.status).toBe(200);
    expect(assigned.headers.get("content-disposition")).toMatch(/^inline/);
    await assigned.arrayBuffer();

    const otherEntrant = await signUp("another.entrant@example.org");
    const otherJudge = await signUp("another.judge@example.org");
    const userId = demo.query<{ id: number }>("SELECT id FROM users WHERE email = 'another.judge@example.org'")[0]!.id;
    demo.run("INSERT INTO user_roles (user_id, role) VALUES (?, 'judge')", userId);
    demo.run(
      "INSERT INTO judges (competition_id, user_id, name, affiliation, country) VALUES (?, ?, 'Other Judge', 'Elsewhere', 'SG')",
      entry.competition_id,
      userId,
    );
    const noDeck = demo.query<{ code: string }>(
      "SELECT e.code FROM entries e WHERE e.status = 'submitted' AND NOT EXISTS (SELECT 1 FROM entry_decks d WHERE d.entry_id = e.id) LIMIT 1",
    )[0]!.code;
    const missing = await demo.get(`/entries/${noDeck}/deck`, { cookie: organizer });
    expect(missing.status).toBe(404);
    const missingBody = await missing.text();
    for (const cookie of [otherJudge, otherEntrant, undefined]) {
      const res = await demo.get(`/entries/${entry.code}/deck`, cookie ? { cookie } : {});
      expect(res.status).toBe(404);
      expect(await res.text()).toBe(missingBody);
    }
    expect(fs.existsSync(path.join(import.meta.dirname, "../../public/files"))).toBe(false);
  });

  it("after the registration deadline the entrant can no longer replace the deck, and an organizer still can", async () => {
    setDeadline("2020-01-01T00:00:00.000Z");
    try {
      const before = currentDeck()!;
      const late = await demo.post(`/me/entries/${entry.id}/deck`, form(tinyPdf("late")), { cookie: entrant });
      expect(late.status).toBe(409);
      expect(await late.text()).toContain("The registration deadline has passed");
      expect(currentDeck()).toEqual(before);

      const replaced = tinyPdf("organizer's fix");
      const res = await demo.post(`/admin/entries/${entry.id}/deck`, form(replaced, "fixed.pdf"), {
        cookie: organizer,
      });
      expect(res.status).toBe(302);
      expect(currentDeck()).toMatchObject({ bytes: replaced.length, file_name: "fixed.pdf" });
      const rows = demo.query<{ sha256: string; replaced_at: string | null }>(
        "SELECT sha256, replaced_at FROM entry_decks WHERE entry_id = ? ORDER BY id",
        entry.id,
      );
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({ sha256: before.sha256 });
      expect(rows[0]!.replaced_at).not.toBeNull();
      expect(
        demo.count(
          "SELECT count(*) n FROM audit_log WHERE action = 'entry.deck_replaced' AND subject_id = ?",
          entry.id,
        ),
      ).toBe(1);
      const admin = await (await demo.get(`/admin/entries/${entry.id}`, { cookie: organizer })).text();
      expect(admin).toContain("fixed.pdf");
    } finally {
      setDeadline("2099-01-01T00:00:00.000Z");
    }
  });

  it("an organizer downloads the round's decks as one ZIP named by code and title", async () => {
    // A second entry of the round gets a deck through the organizer's page.
    const other = demo.query<{ id: number; code: string; title_en: string | null; title_zh: string | null }>(
      `SELECT e.id, e.code, e.title_en, e.title_zh FROM round_entries re JOIN rounds r ON r.id = re.round_id
       JOIN entries e ON e.id = re.entry_id WHERE r.slug = ? AND r.competition_id = ? AND e.id != ? AND e.status = 'submitted'
       ORDER BY e.code LIMIT 1`,
      roundSlug,
      entry.competition_id,
      entry.id,
    )[0]!;
    const second = tinyPdf("second");
    expect((await demo.post(`/admin/entries/${other.id}/deck`, form(second), { cookie: organizer })).status).toBe(302);

    const page = await (await demo.get(`/admin/rounds/${roundSlug}`, { cookie: organizer })).text();
    expect(page).toContain("Download the decks of 2 entries (ZIP)");
    const res = await demo.get(`/admin/rounds/${roundSlug}/decks.zip`, { cookie: organizer });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const files = await unzip(Buffer.from(await res.arrayBuffer()));
    const first = [...files.keys()].find((name) => name.startsWith(`${entry.code} `));
    expect(first).toMatch(/\.pdf$/);
    expect(files.get(first!)!.toString("latin1")).toContain("organizer's fix");
    const name = [...files.keys()].find((n) => n.startsWith(`${other.code} `) || n === `${other.code}.pdf`)!;
    expect(new Uint8Array(files.get(name)!)).toEqual(second);
    expect(files.size).toBe(2);
    for (const n of files.keys()) expect(n).toMatch(/^[\p{L}\p{N} ._()-]+\.pdf$/u);

    expect((await demo.get(`/admin/rounds/${roundSlug}/decks.zip`, { cookie: judge })).status).not.toBe(200);
    expect((await demo.get(`/admin/rounds/${roundSlug}/decks.zip`)).status).not.toBe(200);
  });
});
