// The organizer's control room for the live final: pitch order, stage, scoring, reveal and undo,
// freeze and ceremony, award tiers, message cards. Every button sends one command over the live
// channel and shows the server's refusal, if any, in words; the server decides, this page follows.
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { shortDecimal } from "~/domain/decimal";
import type { CardKind, Command, LiveEntry, Localized } from "~/domain/live-final";
import { localized, useLocale } from "~/i18n/use-locale";
import type { Ack, ControlView } from "~/live/protocol";
import { CountryLabel } from "../country-label";
import { ConnectionBadge } from "./connection-badge";
import { useLiveChannel } from "./use-live-channel";

type LoaderData = { slug: string; state: import("~/domain/live-final").PublicState | null; view: ControlView | null };

const button = "rounded-lg px-3 py-2 text-sm font-semibold shadow-sm disabled:cursor-not-allowed disabled:opacity-40";
const primary = `${button} bg-indigo-600 text-white hover:bg-indigo-500`;
const secondary = `${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;
const danger = `${button} bg-rose-600 text-white hover:bg-rose-500`;
const input = "w-full rounded-lg border border-slate-300 px-3 py-2 text-sm";

function Card({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function title(locale: string, e: LiveEntry | undefined) {
  return e ? localized(locale === "en" ? "en" : "zh-Hans", e.title.zh, e.title.en) : "";
}

export function ControlRoom() {
  const data = useLoaderData<LoaderData>();
  const action = useActionData<{ error?: string }>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const locale = useLocale();
  const [view, setView] = useState<ControlView | null>(data.view);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { state, connection, socket } = useLiveChannel(data.slug, data.state, (s) =>
    s.on("control", (v) => setView(v)),
  );

  async function send(command: Command): Promise<boolean> {
    if (!socket) return false;
    setBusy(true);
    setError(null);
    try {
      const ack = (await socket.timeout(8000).emitWithAck("control", { competition: data.slug, command })) as Ack;
      if (!ack.ok) setError(ack.code);
      return ack.ok;
    } catch {
      setError("timeout");
      return false;
    } finally {
      setBusy(false);
    }
  }

  if (!state || !view) {
    return (
      <div className="mx-auto max-w-2xl space-y-4">
        <h1 className="text-2xl font-bold text-slate-900">{t("live.control.title")}</h1>
        <p className="text-slate-600">{t("live.control.startHint", { url: `/live/${data.slug}` })}</p>
        {action?.error ? (
          <p role="alert" className="rounded-lg bg-rose-50 p-3 text-rose-800">
            {t(action.error)}
          </p>
        ) : null}
        <Form method="post">
          <button className={primary} name="intent" value="start" disabled={navigation.state !== "idle"}>
            {t("live.control.start")}
          </button>
        </Form>
      </div>
    );
  }

  const control = view.control;
  const byId = new Map(state.entries.map((e) => [e.id, e]));
  const current = control.current !== null ? byId.get(control.current) : undefined;
  const submitted = view.panel.filter((p) => p.submitted).length;
  const revealed = new Set(control.revealed);
  const sealed = new Set(control.sealed);
  const withdrawn = new Set(view.withdrawn);
  const lastRevealed = control.revealed.at(-1);

  const move = (index: number, by: number) => {
    const order = [...control.order];
    const [id] = order.splice(index, 1);
    order.splice(index + by, 0, id!);
    void send({ type: "reorder", order });
  };

  return (
    <div className="space-y-4" data-testid="control-room" data-phase={control.phase}>
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold text-slate-900">{t("live.control.title")}</h1>
        <ConnectionBadge connection={connection} className="text-sm text-slate-600" />
        <Link
          to={`/live/${data.slug}`}
          target="_blank"
          className="ml-auto text-sm font-medium text-indigo-700 hover:underline"
        >
          {t("live.control.audienceLink")} ↗
        </Link>
      </div>
      {error ? (
        <p
          role="alert"
          data-testid="refusal"
          data-code={error}
          className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-rose-800"
        >
          {t(`live.refusal.${error}`, { defaultValue: t("live.refusal.refused") })}
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <Card title={t("live.control.stage")} testId="stage-card">
            {current ? (
              <div>
                <p className="font-mono text-sm text-slate-500">{current.code}</p>
                <p className="text-xl font-semibold">{title(locale, current)}</p>
                <p className="text-sm text-slate-600">
                  {current.organization} · <CountryLabel code={current.country} locale={locale} />
                </p>
              </div>
            ) : (
              <p className="text-slate-500">{t("live.nothingOnStage")}</p>
            )}
            <p className="text-sm font-semibold text-indigo-700" data-testid="phase">
              {t(`live.phase.${control.phase}`)}
              {control.phase === "scoring" || control.phase === "closed"
                ? ` · ${t("live.judgesProgress", { n: submitted, m: view.panel.length })}`
                : ""}
            </p>
            <div className="flex flex-wrap gap-2">
              <button
                className={primary}
                disabled={busy || control.phase !== "pitching"}
                onClick={() => void send({ type: "open" })}
              >
                {t("live.control.open")}
              </button>
              <button
                className={primary}
                disabled={busy || control.phase !== "closed"}
                onClick={() => void send({ type: "reveal" })}
              >
                {t("live.control.reveal")}
              </button>
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={control.autoReveal ?? false}
                disabled={busy}
                onChange={(e) => void send({ type: "autoReveal", on: e.target.checked })}
                data-testid="auto-reveal"
              />
              {t("live.control.autoReveal")}
            </label>
            {control.phase === "scoring" ? (
              <CloseForm
                busy={busy}
                complete={submitted >= view.panel.length}
                needsReason={error === "reason_required"}
                minMarks={view.minMarks}
                onClose={(reason) => send({ type: "close", ...(reason ? { reason } : {}) })}
              />
            ) : null}
            {control.phase === "revealed" && lastRevealed === control.current && control.ceremony === "none" ? (
              <ReasonForm
                label={t("live.control.undoReason")}
                submit={t("live.control.undo")}
                tone={danger}
                busy={busy}
                onSubmit={(reason) => send({ type: "undoReveal", reason })}
                testId="undo-form"
              />
            ) : null}
            {control.current !== null ? (
              <ul className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-2" data-testid="panel">
                {view.panel.map((p) => (
                  <li
                    key={p.judgeId}
                    data-judge={p.judgeId}
                    data-submitted={p.submitted}
                    className={`flex items-center gap-2 rounded-md px-2 py-1 ${p.submitted ? "bg-emerald-50 text-emerald-800" : "bg-slate-50 text-slate-600"}`}
                  >
                    <span className="font-mono text-xs">{t("live.seat", { n: p.seat })}</span>
                    <span className="flex-1 truncate">{p.name}</span>
                    <span>{p.submitted ? `✓ ${t("live.control.submitted")}` : t("live.control.waiting")}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {view.preview ? (
              <div className="rounded-lg bg-amber-50 p-3" data-testid="preview">
                <p className="text-sm font-semibold text-amber-900">
                  {control.phase === "revealed" ? t("live.result") : t("live.control.preview")}
                </p>
                <p className="text-3xl font-black tabular-nums text-amber-900">{view.preview.result}</p>
                <p className="flex flex-wrap gap-2 text-sm tabular-nums">
                  {view.preview.marks.map((m) => (
                    <span key={m.seat} className={m.dropped ? "text-slate-400 line-through" : ""}>
                      {t("live.seat", { n: m.seat })}: {shortDecimal(m.mark)}
                    </span>
                  ))}
                </p>
              </div>
            ) : null}
          </Card>

          <Card title={t("live.ceremony")} testId="ceremony-card">
            {control.frozen ? (
              <p className="rounded-lg bg-sky-50 p-2 text-sm text-sky-900">{t("live.control.frozenNote")}</p>
            ) : null}
            <div className="flex flex-wrap gap-2">
              {!control.frozen && control.ceremony === "none" ? (
                <button className={secondary} disabled={busy} onClick={() => void send({ type: "freeze" })}>
                  ❄ {t("live.control.freeze")}
                </button>
              ) : null}
              {control.frozen && control.ceremony !== "done" ? (
                <button
                  className={primary}
                  disabled={busy}
                  onClick={() => void send({ type: "ceremonyStep" })}
                  data-testid="ceremony-step"
                >
                  {control.ceremony === "none"
                    ? t("live.control.ceremonyStart")
                    : control.sealed.length
                      ? t("live.control.ceremonyNext")
                      : t("live.control.ceremonyAwards")}
                </button>
              ) : null}
              {control.ceremony === "done" ? (
                <p className="text-sm text-slate-600">{t("live.control.ceremonyDone")}</p>
              ) : null}
            </div>
            <AwardsForm
              counts={control.awardCounts}
              trackTop={control.trackTop ?? 0}
              busy={busy || control.ceremony === "done"}
              onSave={(counts, trackTop) => send({ type: "awards", counts, trackTop })}
            />
          </Card>

          <Card title={t("live.control.card")}>
            <MessageCardForm
              busy={busy}
              showing={state.card !== null}
              onShow={(card) => send({ type: "card", card })}
              onClear={() => send({ type: "card", card: null })}
            />
          </Card>
        </div>

        <div className="space-y-4">
          <Card title={t("live.pitchOrder")} testId="pitch-order">
            <ol className="divide-y divide-slate-100">
              {control.order.map((id, i) => {
                const e = byId.get(id);
                return (
                  <li
                    key={id}
                    className={`flex flex-wrap items-center gap-2 py-2 ${id === control.current ? "bg-indigo-50" : ""}`}
                    data-entry={id}
                  >
                    <span className="w-6 text-right font-mono text-sm text-slate-500">{i + 1}</span>
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium">{title(locale, e)}</span>
                      <span className="block truncate text-xs text-slate-500">
                        {e?.code} · {e?.organization}
                      </span>
                    </span>
                    {withdrawn.has(id) ? (
                      <span className="rounded bg-rose-100 px-1.5 text-xs text-rose-800">
                        {t("live.control.withdrawn")}
                      </span>
                    ) : null}
                    {sealed.has(id) ? (
                      <span className="rounded bg-sky-100 px-1.5 text-xs text-sky-800">
                        🔒 {t("live.control.sealed")}
                      </span>
                    ) : revealed.has(id) ? (
                      <span className="rounded bg-emerald-100 px-1.5 text-xs text-emerald-800">
                        {t("live.control.revealed")}
                      </span>
                    ) : null}
                    <button
                      className={secondary}
                      aria-label={t("live.control.moveUp")}
                      disabled={busy || i === 0}
                      onClick={() => move(i, -1)}
                    >
                      ↑
                    </button>
                    <button
                      className={secondary}
                      aria-label={t("live.control.moveDown")}
                      disabled={busy || i === control.order.length - 1}
                      onClick={() => move(i, 1)}
                    >
                      ↓
                    </button>
                    <button
                      className={secondary}
                      disabled={
                        busy ||
                        id === control.current ||
                        control.phase === "scoring" ||
                        control.phase === "closed" ||
                        control.ceremony !== "none"
                      }
                      onClick={() => void send({ type: "stage", entryId: id })}
                    >
                      {t("live.control.putOnStage")}
                    </button>
                    <HideButton busy={busy} onHide={(reason) => send({ type: "hide", entryId: id, reason })} />
                  </li>
                );
              })}
            </ol>
          </Card>
          <Card title={t("live.control.privateRanking")} testId="private-ranking">
            {view.ranking.length === 0 ? (
              <p className="text-sm text-slate-500">{t("live.noResultsYet")}</p>
            ) : (
              <table className="w-full text-sm">
                <thead className="text-left text-slate-500">
                  <tr>
                    <th className="py-1">{t("live.rank")}</th>
                    <th>{t("live.title")}</th>
                    <th className="text-right">{t("live.result")}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.ranking.map((r) => (
                    <tr
                      key={r.entryId}
                      className="border-t border-slate-100"
                      data-entry={r.entryId}
                      data-sealed={r.sealed}
                    >
                      <td className="py-1 font-mono">{r.rank ?? "–"}</td>
                      <td>
                        {title(locale, byId.get(r.entryId))}{" "}
                        {r.sealed ? <span className="text-xs text-sky-700">🔒 {t("live.control.sealed")}</span> : null}
                      </td>
                      <td className="text-right font-mono">{r.result ?? "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}

function CloseForm({
  busy,
  complete,
  needsReason,
  minMarks,
  onClose,
}: {
  busy: boolean;
  complete: boolean;
  needsReason: boolean;
  minMarks: number;
  onClose: (reason: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        void onClose(reason.trim()).then((ok) => ok && setReason(""));
      }}
    >
      {!complete ? (
        <label className="block text-sm">
          <span className="font-medium">{t("live.control.closeReason")}</span>
          <input
            className={input}
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
            aria-invalid={needsReason}
            aria-describedby="close-reason-hint"
          />
          <span
            id="close-reason-hint"
            className={`mt-1 block text-xs ${needsReason ? "text-rose-700" : "text-slate-500"}`}
          >
            {needsReason ? t("live.control.reasonRequired") : t("live.control.closeReasonHint", { min: minMarks })}
          </span>
        </label>
      ) : null}
      <button className={secondary} disabled={busy} data-testid="close-scoring">
        {t("live.control.close")}
      </button>
    </form>
  );
}

function ReasonForm({
  label,
  submit,
  tone,
  busy,
  onSubmit,
  testId,
}: {
  label: string;
  submit: string;
  tone: string;
  busy: boolean;
  onSubmit: (reason: string) => Promise<boolean>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const go = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setMissing(true);
    setMissing(false);
    void onSubmit(reason.trim()).then((ok) => ok && setReason(""));
  };
  return (
    <form className="space-y-2" onSubmit={go} data-testid={testId}>
      <label className="block text-sm">
        <span className="font-medium">{label}</span>
        <input
          className={input}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          aria-invalid={missing}
        />
      </label>
      {missing ? <p className="text-sm text-rose-700">{t("live.control.reasonRequired")}</p> : null}
      <button className={tone} disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

function HideButton({ busy, onHide }: { busy: boolean; onHide: (reason: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button className={secondary} disabled={busy} onClick={() => setOpen(true)}>
        {t("live.control.hide")}
      </button>
    );
  return (
    <div className="w-full">
      <ReasonForm
        label={t("live.control.hideReason")}
        submit={t("live.control.hide")}
        tone={danger}
        busy={busy}
        onSubmit={(reason) => onHide(reason).then((ok) => (ok && setOpen(false), ok))}
      />
    </div>
  );
}

function AwardsForm({
  counts,
  trackTop,
  busy,
  onSave,
}: {
  counts: [number, number, number];
  trackTop: number;
  busy: boolean;
  onSave: (counts: [number, number, number], trackTop: number) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(counts.map(String));
  const [perTrack, setPerTrack] = useState(String(trackTop));
  const tiers = ["champion", "runnerUp", "third"] as const;
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(values.map((v) => Number(v)) as [number, number, number], Number(perTrack));
      }}
    >
      <p className="text-sm font-medium">{t("live.control.awardCounts")}</p>
      <p className="text-xs text-slate-500">{t("live.control.awardCountsHint")}</p>
      <div className="grid grid-cols-3 gap-2">
        {tiers.map((tier, i) => (
          <label key={tier} className="text-sm">
            <span>{t(`live.tier.${tier}`)}</span>
            <input
              className={input}
              type="number"
              min={i === 0 ? 1 : 0}
              max={10}
              value={values[i]}
              onChange={(e) => setValues(values.map((v, j) => (j === i ? e.target.value : v)))}
            />
          </label>
        ))}
      </div>
      <label className="block text-sm">
        <span>{t("live.control.trackTop")}</span>
        <input
          className={input}
          type="number"
          min={0}
          max={50}
          value={perTrack}
          onChange={(e) => setPerTrack(e.target.value)}
        />
      </label>
      <button className={secondary} disabled={busy}>
        {t("live.control.saveAwards")}
      </button>
    </form>
  );
}

function MessageCardForm({
  busy,
  showing,
  onShow,
  onClear,
}: {
  busy: boolean;
  showing: boolean;
  onShow: (card: { kind: CardKind; title: Localized; body: Localized }) => Promise<boolean>;
  onClear: () => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CardKind>("break");
  const [text, setText] = useState({ titleZh: "", titleEn: "", bodyZh: "", bodyEn: "" });
  const field = (name: keyof typeof text, label: string, max: number) => (
    <label className="block text-sm">
      <span>{label}</span>
      <input
        className={input}
        value={text[name]}
        maxLength={max}
        onChange={(e) => setText({ ...text, [name]: e.target.value })}
      />
    </label>
  );
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        void onShow({
          kind,
          title: { zh: text.titleZh, en: text.titleEn },
          body: { zh: text.bodyZh, en: text.bodyEn },
        });
      }}
    >
      <label className="block text-sm">
        <span>{t("live.control.cardKindLabel")}</span>
        <select className={input} value={kind} onChange={(e) => setKind(e.target.value as CardKind)}>
          {(["break", "next", "sponsor", "notice"] as const).map((k) => (
            <option key={k} value={k}>
              {t(`live.cardKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="grid gap-2 sm:grid-cols-2">
        {field("titleZh", t("live.control.cardTitleZh"), 120)}
        {field("titleEn", t("live.control.cardTitleEn"), 120)}
        {field("bodyZh", t("live.control.cardBodyZh"), 600)}
        {field("bodyEn", t("live.control.cardBodyEn"), 600)}
      </div>
      <div className="flex gap-2">
        <button className={primary} disabled={busy || (!text.titleZh && !text.titleEn)}>
          {t("live.control.showCard")}
        </button>
        <button type="button" className={secondary} disabled={busy || !showing} onClick={() => void onClear()}>
          {t("live.control.clearCard")}
        </button>
      </div>
    </form>
  );
}
