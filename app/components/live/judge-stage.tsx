// A judge's phone on stage: it follows the control room by itself, opens the form when scoring
// opens, and keeps every score on the phone (localStorage) until the server has answered it, so
// a score typed while the venue Wi-Fi is down is sent by itself when the connection returns. Each
// score carries a key chosen here: sent twice, it is recognised and counted once.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import type { PublicState } from "~/domain/live-final";
import { localized, useLocale } from "~/i18n/use-locale";
import { messagesAt } from "~/domain/refusal";
import { ackSchema, type Ack, type JudgeView, type RefusedAck } from "~/live/protocol";
import { CountryLabel } from "../country-label";
import { ConnectionBadge } from "./connection-badge";
import { PitchTimer } from "./pitch-timer";
import { StageSheet, type Draft } from "./stage-sheet";
import { useLiveChannel } from "./use-live-channel";
import { useServerClock } from "./use-server-clock";

export type StageCriterion = {
  id: number;
  name_zh: string;
  name_en: string;
  weight_bp: number;
  max_milli: number;
  step_milli: number;
};
type Pending = {
  submissionId: string;
  entryId: number;
  marks: Record<string, string>;
  comment: string;
  /** Why the judge changes a mark already submitted, in a correction the organizer reopened. */
  reason?: string;
};

type Outcome = {
  entryId: number;
  kind: "accepted" | "duplicate" | "refused";
  /** The refusal as the server said it: its code and, for a mark, the criterion and its message (i18n keys). */
  refusal?: Pick<RefusedAck, "code" | "field" | "fields">;
};

/** What the server answered, checked against the protocol; an answer that does not fit counts as a failure. */
function readAck(answer: unknown): Ack {
  const parsed = ackSchema.safeParse(answer);
  return parsed.success ? parsed.data : { ok: false, kind: "failed", code: "live.refusal.serverError" };
}

function outcomeOf(entryId: number, ack: Ack): Outcome {
  if (ack.ok) return { entryId, kind: ack.duplicate ? "duplicate" : "accepted" };
  const { code, field, fields } = ack;
  return { entryId, kind: "refused", refusal: { code, ...(field ? { field } : {}), ...(fields ? { fields } : {}) } };
}

function newSubmissionId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes); // works on plain-HTTP venue networks, unlike randomUUID
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const QUEUE_EVENT = "frontier-live-queue";

/**
 * The phone's queue of scores not yet answered by the server, in localStorage: it survives a
 * reload or a closed tab. Read through useSyncExternalStore, so the server render (empty) and the
 * phone's stored queue never disagree during hydration.
 */
function usePendingQueue(key: string) {
  const text = useSyncExternalStore(
    (notify) => {
      window.addEventListener("storage", notify);
      window.addEventListener(QUEUE_EVENT, notify);
      return () => {
        window.removeEventListener("storage", notify);
        window.removeEventListener(QUEUE_EVENT, notify);
      };
    },
    () => localStorage.getItem(key) ?? "[]",
    () => "[]",
  );
  const pending = useMemo(() => {
    try {
      return JSON.parse(text) as Pending[];
    } catch {
      return [];
    }
  }, [text]);
  const save = useCallback(
    (update: (list: Pending[]) => Pending[]) => {
      let list: Pending[];
      try {
        list = JSON.parse(localStorage.getItem(key) ?? "[]") as Pending[];
      } catch {
        list = [];
      }
      localStorage.setItem(key, JSON.stringify(update(list)));
      window.dispatchEvent(new Event(QUEUE_EVENT));
    },
    [key],
  );
  return [pending, save] as const;
}

export function JudgeStage({
  slug,
  userId,
  initial,
  view: initialView,
  criteria,
}: {
  slug: string;
  userId: number;
  initial: PublicState | null;
  view: JudgeView;
  criteria: StageCriterion[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [view, setView] = useState(initialView);
  const clock = useServerClock();
  const { state, connection, socket } = useLiveChannel(slug, initial, (s) => {
    s.on("judge", (v) => setView(v));
    clock.attach(s);
  });
  const queueKey = `frontier.live.${slug}.${userId}.pending`;
  const [pending, setPending] = usePendingQueue(queueKey);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [sending, setSending] = useState(false);
  // What the judge last typed for each entry, so a refused score comes back as they left it.
  const [drafts, setDrafts] = useState<Record<number, Draft | undefined>>({});
  const flushing = useRef(false);

  const flush = useCallback(async () => {
    if (!socket?.connected || flushing.current) return;
    const list = JSON.parse(localStorage.getItem(queueKey) ?? "[]") as Pending[];
    if (list.length === 0) return;
    flushing.current = true;
    setSending(true);
    try {
      for (const item of list) {
        let ack: Ack;
        try {
          ack = readAck(
            await socket.timeout(8000).emitWithAck("submit", {
              competition: slug,
              submissionId: item.submissionId,
              entryId: item.entryId,
              marks: item.marks,
              ...(item.comment ? { comment: item.comment } : {}),
              ...(item.reason ? { reason: item.reason } : {}),
            }),
          );
        } catch {
          break; // no answer: keep it, try again on the next connection
        }
        // Too many messages means "try again later", not "this score is refused".
        if (!ack.ok && ack.kind === "rate_limited") break;
        setPending((l) => l.filter((p) => p.submissionId !== item.submissionId));
        const outcome = outcomeOf(item.entryId, ack);
        setOutcomes((o) => [...o.filter((x) => x.entryId !== item.entryId), outcome]);
      }
    } finally {
      flushing.current = false;
      setSending(false);
    }
  }, [socket, slug, queueKey, setPending]);

  useEffect(() => {
    if (!socket) return;
    const onConnect = () => void flush();
    socket.on("connect", onConnect);
    const first = window.setTimeout(() => void flush(), 0);
    // A queued score is retried now and then too, in case an answer was lost.
    const timer = window.setInterval(() => void flush(), 5000);
    return () => {
      socket.off("connect", onConnect);
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [socket, flush]);

  const entry = state?.stage.entryId != null ? state.entries.find((e) => e.id === state.stage.entryId) : undefined;
  const phase = state?.stage.phase ?? "idle";
  const mine = entry ? view.entries.includes(entry.id) : false;
  const done = entry ? view.submitted.includes(entry.id) : false;
  const queued = entry ? pending.some((p) => p.entryId === entry.id) : false;
  const outcome = entry ? outcomes.find((o) => o.entryId === entry.id) : undefined;
  const otherPending = pending.filter((p) => p.entryId !== entry?.id);
  // Scoring reopened for this judge's correction of the entry on stage: its form starts from their own marks.
  const correction = entry && phase === "scoring" && view.correction?.entryId === entry.id ? view.correction : null;
  const correctionKey = correction ? `${correction.entryId}:${correction.reason}` : null;
  // A new correction starts afresh (adjusted while rendering): the first score's "received" must not hide its form.
  const [seenCorrection, setSeenCorrection] = useState(correctionKey);
  if (correctionKey !== seenCorrection) {
    setSeenCorrection(correctionKey);
    if (correction) {
      setOutcomes((o) => o.filter((x) => x.entryId !== correction.entryId));
      setDrafts((d) => ({ ...d, [correction.entryId]: undefined }));
    }
  }
  const draft = entry ? drafts[entry.id] : undefined;
  const sheetRefusal = outcome?.kind === "refused" ? outcome.refusal : undefined;
  const submitSheet = (entryId: number, sheet: Draft) => {
    setPending((l) => [...l, { submissionId: newSubmissionId(), entryId, ...sheet }]);
    setDrafts((d) => ({ ...d, [entryId]: sheet }));
    setOutcomes((o) => o.filter((x) => x.entryId !== entryId));
    window.setTimeout(() => void flush(), 0);
  };
  // A refusal at a mark names its criterion, as the sheet would.
  const localizedCriterion = (field: string) => {
    const c = criteria.find((x) => String(x.id) === field);
    return c ? localized(locale, c.name_zh, c.name_en) : field;
  };

  return (
    <div className="mx-auto max-w-lg space-y-4" data-testid="judge-stage" data-phase={phase}>
      <div className="flex items-center gap-3">
        <h1 className="flex-1 text-xl font-bold text-slate-900">{t("live.judge.title")}</h1>
        <ConnectionBadge connection={connection} className="text-sm text-slate-600" />
      </div>
      <p className="text-sm text-slate-600">{t("live.judge.seat", { n: view.seat })}</p>

      {entry ? (
        <section
          className="space-y-1 rounded-xl border border-slate-200 bg-white p-4"
          data-testid="stage-entry"
          data-entry={entry.id}
        >
          <div className="flex items-center justify-between gap-3">
            <p className="text-xs font-semibold uppercase tracking-wide text-indigo-700">
              {t("live.onStage")} · <span className="font-mono">{entry.code}</span>
            </p>
            {/* The same countdown as the big screen's, from the server's clock. */}
            {phase === "pitching" && state ? (
              <span className="rounded-lg bg-slate-900 px-2 py-0.5 text-white">
                <PitchTimer timer={state.timer} clockOffsetMs={clock.offsetMs} className="text-2xl" />
              </span>
            ) : null}
          </div>
          <p className="text-lg font-semibold">{localized(locale, entry.title.zh, entry.title.en)}</p>
          <p className="text-sm text-slate-600">
            {entry.organization} · <CountryLabel code={entry.country} locale={locale} />
          </p>
          <p className="text-sm font-medium text-slate-800">{t(`live.phase.${phase}`)}</p>
        </section>
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
          {t("live.judge.waitForStage")}
        </p>
      )}

      {outcome ? (
        <p
          role={outcome.kind === "refused" ? "alert" : "status"}
          data-testid="outcome"
          data-kind={outcome.kind}
          className={`rounded-lg p-3 text-sm ${outcome.kind === "refused" ? "bg-rose-50 text-rose-800" : "bg-emerald-50 text-emerald-800"}`}
        >
          {outcome.kind === "refused" ? (
            <>
              <strong className="block">{t("live.judge.refusedTitle")}</strong>
              {t(outcome.refusal?.code ?? "live.refusal.serverError")}
              {outcome.refusal?.fields && outcome.refusal.field ? (
                <span className="block">
                  {localizedCriterion(outcome.refusal.field)}:{" "}
                  {t(messagesAt(outcome.refusal, outcome.refusal.field)[0] ?? "score.markNotNumber")}
                </span>
              ) : null}
            </>
          ) : (
            t(outcome.kind === "duplicate" ? "live.judge.duplicate" : "live.judge.accepted")
          )}
        </p>
      ) : null}

      {entry && !mine ? <p className="text-sm text-slate-600">{t("live.judge.notYourEntry")}</p> : null}
      {entry && mine && queued ? (
        <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="pending">
          ⏳ {sending && connection === "live" ? t("live.judge.sending") : t("live.judge.pending")}
        </p>
      ) : null}
      {correction && mine && !queued && outcome?.kind !== "accepted" && outcome?.kind !== "duplicate" ? (
        <section className="space-y-3" data-testid="correction">
          <p role="status" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
            <strong className="block">{t("live.judge.correction.notice", { reason: correction.reason })}</strong>
            {t("live.judge.correction.yourMarks")}
          </p>
          <StageSheet
            key={`correction:${correctionKey}`}
            criteria={criteria}
            initial={draft ?? { marks: correction.marks, comment: correction.comment, reason: "" }}
            askReason
            refusal={sheetRefusal}
            onSubmit={(sheet) => submitSheet(correction.entryId, sheet)}
          />
        </section>
      ) : null}
      {entry && mine && !correction && !queued && done && !outcome ? (
        <p className="rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800">{t("live.judge.submittedAlready")}</p>
      ) : null}
      {entry &&
      mine &&
      !correction &&
      !queued &&
      !done &&
      outcome?.kind !== "accepted" &&
      outcome?.kind !== "duplicate" ? (
        phase === "scoring" ? (
          <StageSheet
            key={entry.id}
            criteria={criteria}
            initial={draft}
            refusal={sheetRefusal}
            onSubmit={(sheet) => submitSheet(entry.id, sheet)}
          />
        ) : phase === "pitching" ? (
          <p className="text-sm text-slate-600">{t("live.judge.waitForOpen")}</p>
        ) : phase === "closed" || phase === "revealed" ? (
          <p className="text-sm text-slate-600">{t("live.judge.scoringClosed")}</p>
        ) : null
      ) : null}

      {otherPending.length ? (
        <section className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="pending-others">
          <p className="font-semibold">{t("live.judge.pendingTitle")}</p>
          <ul>
            {otherPending.map((p) => {
              const e = state?.entries.find((x) => x.id === p.entryId);
              return (
                <li key={p.submissionId}>
                  {e ? `${e.code} · ${localized(locale, e.title.zh, e.title.en)}` : p.entryId}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
