// The demo final's panel as tests drive it: every panel judge made able to sign in (they get the
// demo judge's password before the server starts), optionally a longer line-up, and scripted phones
// that submit a judge's marks over the live channel (one, or the whole panel on cue).
import Database from "better-sqlite3";
import { io as connect } from "socket.io-client";
import { beforeAll } from "vitest";
import type { LiveSocket } from "../../app/live/follower";
import { ackSchema, type Ack } from "../../app/live/protocol";
import type { DemoServer } from "./demo-server";

export type PanelCriterion = { id: number; max_milli: number; step_milli: number };
export type Panel = {
  finalRound: number;
  criteria: PanelCriterion[];
  /** judge id → e-mail, in judge id order. */
  judges: Map<number, string>;
  /** The demo judge's id (judge@frontier.demo, on the panel): the one tests drive through a browser. */
  demoJudge: number;
};

const finalRoundOf = (db: Database.Database) =>
  (db.prepare(`SELECT id FROM rounds WHERE slug = 'final'`).get() as { id: number }).id;

/**
 * Before the server starts: the final panel's judges get the demo judge's password, and with
 * `finalists` the final's line-up is lengthened to that many with domain-round entries, each
 * assigned to the whole panel (the demo has 22; the board must hold 30).
 */
export function preparePanel(file: string, { finalists }: { finalists?: number } = {}) {
  const db = new Database(file);
  try {
    const round = finalRoundOf(db);
    db.prepare(
      `UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'judge@frontier.demo')
       WHERE id IN (SELECT j.user_id FROM judges j JOIN assignments a ON a.judge_id = j.id WHERE a.round_id = ?)`,
    ).run(round);
    if (finalists === undefined) return;
    const have = (db.prepare(`SELECT COUNT(*) AS n FROM round_entries WHERE round_id = ?`).get(round) as { n: number })
      .n;
    const extra = db
      .prepare(
        `SELECT re.entry_id AS id FROM round_entries re JOIN rounds r ON r.id = re.round_id
         WHERE r.slug = 'domain' AND re.entry_id NOT IN (SELECT entry_id FROM round_entries WHERE round_id = ?)
         ORDER BY re.entry_id LIMIT ?`,
      )
      .all(round, Math.max(0, finalists - have)) as { id: number }[];
    const judges = db.prepare(`SELECT DISTINCT judge_id FROM assignments WHERE round_id = ?`).all(round) as {
      judge_id: number;
    }[];
    const addEntry = db.prepare(`INSERT INTO round_entries (round_id, entry_id, stage_order) VALUES (?, ?, ?)`);
    const assign = db.prepare(`INSERT INTO assignments (round_id, judge_id, entry_id) VALUES (?, ?, ?)`);
    db.transaction(() => {
      extra.forEach(({ id }, i) => {
        addEntry.run(round, id, have + i + 1);
        for (const j of judges) assign.run(round, j.judge_id, id);
      });
    })();
  } finally {
    db.close();
  }
}

/** The final's round, criteria and panel, read from the database file. */
export function readPanel(file: string): Panel {
  const db = new Database(file, { readonly: true });
  try {
    const finalRound = finalRoundOf(db);
    const criteria = db
      .prepare(`SELECT id, max_milli, step_milli FROM criteria WHERE round_id = ? ORDER BY position`)
      .all(finalRound) as PanelCriterion[];
    const rows = db
      .prepare(
        `SELECT DISTINCT a.judge_id AS judgeId, u.email FROM assignments a JOIN judges j ON j.id = a.judge_id
         JOIN users u ON u.id = j.user_id WHERE a.round_id = ? ORDER BY a.judge_id`,
      )
      .all(finalRound) as { judgeId: number; email: string }[];
    const demoJudge = (
      db
        .prepare(`SELECT j.id FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = 'judge@frontier.demo'`)
        .get() as { id: number }
    ).id;
    return { finalRound, criteria, judges: new Map(rows.map((r) => [r.judgeId, r.email])), demoJudge };
  } finally {
    db.close();
  }
}

/** Every criterion marked `mark` (a decimal string on the rubric's step). */
export const sameMark = (criteria: PanelCriterion[], mark: string) =>
  Object.fromEntries(criteria.map((c) => [String(c.id), mark]));

let submissions = 0;

/** One judge's phone, scripted: connects with the judge's session, submits, and disconnects. */
export async function submitFromPhone(
  url: string,
  cookie: string,
  entryId: number,
  marks: Record<string, string>,
): Promise<Ack> {
  const socket: LiveSocket = connect(url + "/live", {
    transports: ["websocket"],
    reconnection: false,
    extraHeaders: { cookie },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const submissionId = `panel-${process.pid}-${++submissions}`;
    return ackSchema.parse(
      await socket.timeout(5000).emitWithAck("submit", { competition: "zgc2026", submissionId, entryId, marks }),
    );
  } finally {
    socket.disconnect();
  }
}

/**
 * Signs the panel's judges in (after `preparePanel`) and returns their session cookies by judge id,
 * leaving out `except` (the judge a test drives through the browser instead).
 */
export async function signInPanel(
  server: { signIn(email: string, password: string): Promise<string> },
  panel: Panel,
  except?: number,
): Promise<Map<number, string>> {
  const cookies = new Map<number, string>();
  for (const [judgeId, email] of panel.judges)
    if (judgeId !== except) cookies.set(judgeId, await server.signIn(email, "frontier-judge"));
  return cookies;
}

/** The judges' scripted phones submit `mark` on every criterion at once; each must be accepted. */
export async function phonesSubmit(
  url: string,
  panel: Panel,
  cookies: Iterable<string>,
  entryId: number,
  mark: string,
): Promise<void> {
  const acks = await Promise.all(
    [...cookies].map((cookie) => submitFromPhone(url, cookie, entryId, sameMark(panel.criteria, mark))),
  );
  const refused = acks.filter((ack) => !ack.ok);
  if (refused.length > 0) throw new Error(`a scripted judge was refused: ${JSON.stringify(refused)}`);
}

export type ScriptedPanel = {
  readonly panel: Panel;
  /** Session cookies of the scripted judges, by judge id. */
  readonly cookies: Map<number, string>;
  /** The first `count` scripted judges (all by default) submit `mark` on every criterion. */
  submit(entryId: number, mark: string, count?: number): Promise<void>;
};

/**
 * For a browser test on a server started with `preparePanel`: the panel read and its judges signed
 * in as scripted phones; `withoutDemoJudge` leaves out the judge the test drives in the browser.
 */
export function scriptedPanelForThisFile(server: DemoServer, { withoutDemoJudge = false } = {}): ScriptedPanel {
  let panel: Panel;
  let cookies = new Map<number, string>();
  beforeAll(async () => {
    panel = readPanel(server.dbFile);
    cookies = await signInPanel(server, panel, withoutDemoJudge ? panel.demoJudge : undefined);
  }, 60_000);
  return {
    get panel() {
      return panel;
    },
    get cookies() {
      return cookies;
    },
    submit: (entryId, mark, count = cookies.size) =>
      phonesSubmit(server.url, panel, [...cookies.values()].slice(0, count), entryId, mark),
  };
}
