// The live final's one vocabulary of refusals: every name is an i18n key said in both languages,
// and every refusal the service or the channel can give fits the ack and error schemas on the wire.
import { describe, expect, it } from "vitest";
import { LIVE_CLIENT_REFUSALS, LIVE_REFUSALS, refuseLive, type LiveRefusalName } from "../../app/domain/live-refusals";
import { createI18n } from "../../app/i18n/config";
import { ackSchema, channelRefusal, errorEvent } from "../../app/live/protocol";

const names = Object.keys(LIVE_REFUSALS) as LiveRefusalName[];

describe("the live refusals", () => {
  it("are each said in English and in Chinese, the client's own timeout too", () => {
    for (const locale of ["en", "zh-Hans"] as const) {
      const { t } = createI18n(locale);
      for (const name of [...names, ...LIVE_CLIENT_REFUSALS]) {
        const text = t(`live.refusal.${name}`);
        expect(text, `${locale} ${name}`).not.toBe(`live.refusal.${name}`);
        expect(text.length, `${locale} ${name}`).toBeGreaterThan(3);
      }
    }
    expect(createI18n("en").t("live.refusal.submissionKeyReused")).not.toBe(
      createI18n("zh-Hans").t("live.refusal.submissionKeyReused"),
    );
  });

  it("travel as they are: a service refusal is a valid ack, a channel refusal a valid error event and ack", () => {
    const serviceNames = names.filter((n) => LIVE_REFUSALS[n] !== "failed") as Parameters<typeof refuseLive>[0][];
    for (const name of serviceNames) {
      const refusal = refuseLive(name);
      expect(ackSchema.parse(refusal)).toEqual({ ok: false, kind: LIVE_REFUSALS[name], code: `live.refusal.${name}` });
    }
    const marks = refuseLive("invalidMarks", { field: "7", fields: { "7": ["score.markAboveMax"] } });
    expect(ackSchema.parse(marks)).toEqual(marks);
    for (const name of ["forbidden", "rateLimited", "invalidPayload", "serverError", "unknownCompetition"] as const) {
      const event = channelRefusal(name);
      expect(errorEvent.parse(event)).toEqual({ kind: LIVE_REFUSALS[name], code: `live.refusal.${name}` });
      expect(ackSchema.parse({ ok: false, ...event })).toMatchObject(event);
    }
  });

  it("are refused on the wire when they are not in the vocabulary: no English sentence as a code", () => {
    expect(ackSchema.safeParse({ ok: false, kind: "invalid", code: "submission key reused" }).success).toBe(false);
    expect(ackSchema.safeParse({ ok: false, kind: "invalid", code: "invalid_marks" }).success).toBe(false);
    expect(errorEvent.safeParse({ kind: "forbidden", code: "forbidden" }).success).toBe(false);
  });
});
