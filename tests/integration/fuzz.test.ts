// Randomly structured junk at every form action and every socket event, as organizer, judge,
// entrant and anonymous visitor: deep and huge indices, many fields, nested names, odd encodings,
// malformed multipart, wrong content types. Whatever arrives, the answer is a 4xx or a page with
// its refusal (never a 5xx), the server keeps answering, and nothing is stored.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveSocket } from "../../app/live/follower";
import { controlMessage, joinMessage, submitMessage } from "../../app/live/protocol";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
const cookies: Record<"organizer" | "judge" | "entrant" | "partner" | "anonymous", string> = {
  organizer: "",
  partner: "",
  judge: "",
  entrant: "",
  anonymous: "",
};
let targets: string[] = [];

/** Row counts of every table: the measure of "nothing stored". */
function counts(): Record<string, number> {
  const tables = demo
    .query<{ name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, demo.count(`SELECT count(*) AS n FROM "${t}"`)]));
}
/** What a refused action may still change: the live state row's timestamp does not count. */
const liveSeq = () => demo.query<{ seq: number }>(`SELECT coalesce(max(seq), 0) AS seq FROM live_state`)[0]!.seq;

beforeAll(async () => {
  cookies.organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
  cookies.judge = await demo.signIn("judge@frontier.demo", "frontier-judge");
  cookies.entrant = await demo.signIn("entrant@frontier.demo", "frontier-entrant");
  cookies.partner = await demo.signIn("investor@frontier.demo", "frontier-investor");
  // An entry the demo's partners may see (consenting, in the follow-on round).
  const shown = demo.query<{ code: string }>(
    `SELECT e.code FROM entries e JOIN entry_needs n ON n.entry_id = e.id WHERE n.consented_at IS NOT NULL LIMIT 1`,
  )[0]!.code;
  const own = demo.query<{ id: number }>(
    `SELECT e.id FROM entries e JOIN users u ON u.id = e.entrant_user_id WHERE u.email = 'entrant@frontier.demo' LIMIT 1`,
  )[0]!.id;
  const assigned = demo.query<{ slug: string; entry_id: number }>(
    `SELECT r.slug, a.entry_id FROM assignments a JOIN rounds r ON r.id = a.round_id JOIN judges j ON j.id = a.judge_id JOIN users u ON u.id = j.user_id WHERE u.email = 'judge@frontier.demo' AND r.status = 'open' LIMIT 1`,
  )[0]!;
  const partnerId = demo.query<{ id: number }>(`SELECT id FROM partners LIMIT 1`)[0]!.id;
  const judgeId = demo.query<{ id: number }>(`SELECT id FROM judges LIMIT 1`)[0]!.id;
  const rounds = demo.query<{ slug: string }>(`SELECT slug FROM rounds`).map((r) => r.slug);
  // Every route module that has an action (app/routes), with real parameters.
  const edition = demo.query<{ slug: string }>(`SELECT slug FROM competitions LIMIT 1`)[0]!.slug;
  targets = [
    "/admin/competitions",
    "/admin/competitions/new",
    `/admin/competitions/${edition}`,
    `/admin/competitions/${edition}/rounds`,
    `/admin/competitions/${edition}/rounds/new`,
    `/admin/entries/${own}`,
    `/admin/entries/${own}/deck`,
    "/admin/entries/import",
    "/admin/judges/conflicts",
    "/admin/outbox",
    "/admin/outbox/1",
    `/admin/judges/${judgeId}`,
    "/admin/judges",
    "/admin/live",
    "/admin/live/rehearsal",
    "/admin/live/votes",
    "/admin/live/embedding",
    `/live/${edition}`,
    ...rounds.flatMap((slug) => [
      `/admin/rounds/${slug}`,
      `/admin/rounds/${slug}/assignments`,
      `/admin/rounds/${slug}/dashboard`,
      `/admin/rounds/${slug}/results`,
    ]),
    "/admin/users",
    "/invite/1.9999999999999.abcdefghijklmnop",
    "/claim/1.9999999999999.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq",
    `/judge/${assigned.slug}/${assigned.entry_id}`,
    "/forgot-password",
    "/locale",
    "/login",
    "/logout",
    `/me/entries/${own}`,
    `/me/entries/${own}/deck`,
    `/me/entries/${own}/follow-on`,
    "/partner",
    "/partner/requests",
    "/partner/profile",
    `/partner/entries/${shown}`,
    "/me/entries/new",
    "/reset-password/abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq",
    "/signup",
    "/partner/meetings",
    `/me/entries/${own}/meetings`,
    "/admin/partners",
    `/admin/partners/${partnerId}`,
    "/admin/partners/import",
    "/admin/follow-on",
    "/admin/follow-on/schedule",
  ];
}, 60_000);

// Real field names (so the junk reaches the schemas), junk names and names that attack parsers.
const realName = fc.constantFrom(
  "form",
  "fingerprint",
  "expected",
  "needsRoundId",
  "slotMinutes",
  "personEmail",
  "kind",
  "entryId",
  "requestId",
  "action",
  "consent",
  "financingAmountWan",
  "intent",
  "email",
  "password",
  "reason",
  "status",
  "title_en",
  "title_zh",
  "country",
  "group",
  "track",
  "userId",
  "entryId",
  "locale",
  "redirectTo",
  "combine",
  "nameEn",
  "ticketMinWan",
  "ticketMaxWan",
  "decimals",
  "file",
  "flag",
  "count",
  "batch",
);
const junkName = fc.oneof(
  realName,
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.nat({ max: 2_000_000_000 }).map((n) => `team[${n}].name`),
  fc.nat({ max: 2_000_000_000 }).map((n) => `junk[${n}]`),
  fc.integer({ min: 1, max: 12 }).map((d) => Array.from({ length: d }, (_, i) => `n${i}`).join(".")),
  fc.constantFrom(
    "__proto__",
    "constructor.prototype.x",
    "__proto__[polluted]",
    "criteria[0][0][0][0].x",
    "a[-1]",
    "a[]",
    "%00",
    "m1e9",
  ),
);
// A form/intent value from the real vocabulary would make a well-formed request: values stay junk.
const junkValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    "9.5000",
    "1e308",
    "NaN",
    "-0",
    "null",
    "<script>alert(1)</script>",
    '=HYPERLINK("x")',
    "\u0000",
    "\uFFFF",
  ),
  fc.nat({ max: 20_000 }).map((n) => "x".repeat(n)),
);
const encode = (s: string) => encodeURIComponent(s);
const badBytes = fc.constantFrom("%FF", "%C3%28", "%E4%B8", "%ED%A0%80", "%F8%88%80%80%80", "%", "%G0", "%00");

type Body = { type: string | null; body: Uint8Array<ArrayBuffer> | string };
const urlencoded = fc
  .array(fc.tuple(junkName, fc.oneof(junkValue, badBytes)), { maxLength: 60 })
  .chain((pairs) => fc.nat({ max: 1200 }).map((extra) => ({ pairs, extra })))
  .map(({ pairs, extra }): Body => {
    const parts = pairs.map(([k, v]) => `${encode(k)}=${v.startsWith("%") && v.length <= 16 ? v : encode(v)}`);
    // Sometimes a great many fields, past the limit.
    if (extra > 900) for (let i = 0; i < extra; i++) parts.push(`f${i}=1`);
    return { type: "application/x-www-form-urlencoded", body: parts.join("&") };
  });
const multipart = fc.array(fc.tuple(junkName, junkValue, fc.boolean()), { maxLength: 8 }).chain((parts) =>
  fc.boolean().map((broken): Body => {
    const chunks = parts.map(([name, value, asFile]) =>
      asFile
        ? `--B\r\nContent-Disposition: form-data; name="${name.replace(/"/g, "")}"; filename="x.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n${value}\r\n`
        : `--B\r\nContent-Disposition: form-data; name="${name.replace(/"/g, "")}"\r\n\r\n${value}\r\n`,
    );
    const text = chunks.join("") + (broken ? "--B\r\nContent-Disposition: form-data" : "--B--\r\n");
    return { type: "multipart/form-data; boundary=B", body: new TextEncoder().encode(text) };
  }),
);
const otherBodies = fc.oneof(
  fc.json().map((json): Body => ({ type: "application/json", body: json })),
  fc.string().map((text): Body => ({ type: "text/plain", body: text })),
  fc.uint8Array({ maxLength: 300 }).map((bytes): Body => ({ type: null, body: new Uint8Array(bytes) })),
  fc
    .uint8Array({ maxLength: 300 })
    .map((bytes): Body => ({ type: "application/x-www-form-urlencoded", body: new Uint8Array(bytes) })),
);
const anyBody = fc.oneof(
  { weight: 5, arbitrary: urlencoded },
  { weight: 2, arbitrary: multipart },
  { weight: 1, arbitrary: otherBodies },
);
const asWho = fc.constantFrom("organizer", "judge", "entrant", "partner", "anonymous") as fc.Arbitrary<
  keyof typeof cookies
>;

/** The address pattern of a route module's file name (`admin.entries.$id_.deck.tsx` → /admin/entries/x/deck). */
function routePattern(file: string): RegExp {
  const segments = file
    .replace(/\.tsx$/, "")
    .replace(/\[\.\]/g, "%DOT%")
    .split(".")
    .filter((part) => part !== "_index")
    .map((part) => part.replace(/_$/, "").replace(/%DOT%/g, "\\."))
    .map((part) => (part.startsWith("$") ? "[^/]+" : part));
  return new RegExp(`^/${segments.join("/")}$`);
}

describe("junk at every form action", () => {
  it("reaches every route module that has an action", () => {
    const dir = path.resolve(import.meta.dirname, "../../app/routes");
    const withAction = fs
      .readdirSync(dir)
      .filter((f) => /export (async function|const) action\b/.test(fs.readFileSync(path.join(dir, f), "utf8")));
    expect(withAction.length).toBeGreaterThan(25);
    const missed = withAction.filter((f) => !targets.some((t) => routePattern(f).test(t)));
    expect(missed, "add these to the fuzz test's targets").toEqual([]);
  });

  it("answers every junk form with a 4xx or a refusal, never a 5xx, keeps serving, and stores nothing", async () => {
    const before = counts();
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: targets.length - 1 }), anyBody, asWho, async (target, { type, body }, who) => {
        const path = targets[target]!;
        // Signing out is the one action a junk body may legitimately carry out: never with a real session.
        const cookie = path === "/logout" ? "" : cookies[who];
        const res = await fetch(demo.url + path, {
          method: "POST",
          body,
          headers: {
            Origin: demo.url,
            "Accept-Language": "en",
            ...(type ? { "Content-Type": type } : {}),
            ...(cookie ? { Cookie: cookie } : {}),
          },
          redirect: "manual",
        });
        await res.arrayBuffer();
        seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
        expect(
          res.status,
          `${who} POST ${path} (${type}): ${typeof body === "string" ? body.slice(0, 200) : `${body.length} bytes`}`,
        ).toBeLessThan(500);
      }),
      { numRuns: 1000, seed: 20261201 },
    );
    expect((await fetch(demo.url + "/healthz")).status).toBe(200);
    expect(counts()).toEqual(before);
    // No action threw on the way: the server printed no stack trace.
    expect(demo.server.output()).not.toMatch(/\n\s+at /);
    // The run reached the parsers' refusals and the actions' own (not only one kind of answer).
    expect([...seen.keys()].some((s) => s === 400)).toBe(true);
    expect([...seen.keys()].some((s) => s === 200 || s === 302 || s === 403 || s === 404)).toBe(true);
  }, 240_000);
});

// Sockets and generators for the socket fuzzing below.
const sockets: LiveSocket[] = [];
afterAll(() => sockets.forEach((s) => s.disconnect()));
const open = (cookie: string) => {
  const socket: LiveSocket = connect(demo.url + "/live", {
    transports: ["websocket"],
    reconnection: true,
    reconnectionDelay: 50,
    extraHeaders: cookie ? { cookie } : {},
  });
  sockets.push(socket);
  return socket;
};

// Shapes near the real messages, kept only when the protocol's own schema refuses them, plus
// anything at all; and events that do not exist.
const nearCommand = fc
  .record({
    competition: fc.oneof(fc.constant("zgc2026"), fc.string()),
    command: fc.record(
      {
        type: fc.constantFrom(
          "reorder",
          "stage",
          "open",
          "close",
          "reveal",
          "card",
          "awards",
          "hide",
          "autoReveal",
          "x",
        ),
        entryId: fc.anything(),
        order: fc.anything(),
        card: fc.anything(),
        counts: fc.anything(),
        on: fc.anything(),
        reason: fc.anything(),
      },
      { requiredKeys: ["type"] },
    ),
  })
  .filter((m) => !controlMessage.safeParse(m).success);
const nearSubmit = fc
  .record({
    competition: fc.oneof(fc.constant("zgc2026"), fc.string()),
    submissionId: fc.anything(),
    entryId: fc.anything(),
    marks: fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.string())),
    comment: fc.anything(),
  })
  .filter((m) => !submitMessage.safeParse(m).success);
const nearJoin = fc
  .record({ competition: fc.anything(), lastSeq: fc.anything() })
  .filter((m) => !joinMessage.safeParse(m).success);
const message = fc.oneof(
  fc.tuple(fc.constant("control"), fc.oneof(nearCommand, fc.anything())),
  fc.tuple(fc.constant("submit"), fc.oneof(nearSubmit, fc.anything())),
  fc.tuple(fc.constant("join"), fc.oneof(nearJoin, fc.anything())),
  fc.tuple(fc.constantFrom("unknown", "__proto__", "toString", "hasOwnProperty", "snapshot", "update"), fc.anything()),
);

describe("junk at every socket event", () => {
  it("refuses every malformed event from organizer, judge and audience sockets, stays up, and stores nothing", async () => {
    const before = counts();
    const seqBefore = liveSeq();
    const byRole = { organizer: open(cookies.organizer), judge: open(cookies.judge), audience: open("") };
    const acks: unknown[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("organizer", "judge", "audience") as fc.Arbitrary<keyof typeof byRole>,
        message,
        fc.boolean(),
        async (role, [event, payload], withAck) => {
          const socket = byRole[role];
          // A socket cut off for flooding is not reconnected by the client: open it again.
          if (!socket.connected) {
            socket.connect();
            await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
          }
          if (withAck && (event === "control" || event === "submit")) {
            try {
              acks.push(await socket.timeout(2000).emitWithAck(event as "control", payload as never));
            } catch {
              // A socket rate-limited into silence or cut off for flooding answers nothing: allowed.
            }
          } else {
            (socket.emit as (e: string, p: unknown) => void)(event, payload);
          }
        },
      ),
      { numRuns: 500, seed: 20261201 },
    );
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(demo.url + "/healthz")).status).toBe(200);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expect(ack).toMatchObject({ ok: false });
    expect(liveSeq()).toBe(seqBefore);
    expect(counts()).toEqual(before);
    // A fresh audience client is still served.
    const probe = open("");
    const snapshot = await new Promise((resolve) => {
      probe.once("snapshot", resolve);
      probe.emit("join", { competition: "zgc2026" });
    });
    expect(snapshot).toMatchObject({ competition: "zgc2026" });
  }, 240_000);
});
