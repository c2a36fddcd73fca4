import { beforeAll, describe, expect, it } from "vitest";
import {
  invitePartner,
  listPartners,
  partnerDetail,
  setPartnerDisabled,
  updatePartner,
} from "../../app/services/follow-on/partners-admin.server";
import type { PartnerDeps } from "../../app/services/follow-on/partners-shared.server";
import { addPartner, demoRound } from "../support/follow-on";
import { servicesForThisFile } from "../support/services";

const h = servicesForThisFile("demo");
let deps: PartnerDeps;
let competitionId: number;
let tracks: string[];

beforeAll(() => {
  deps = { db: h.db.db, secret: "s".repeat(32), clock: () => new Date(), publicOrigin: () => "http://localhost" };
  competitionId = demoRound(h.db.sqlite, "final").competitionId;
  tracks = h
    .all<{ code: string }>("SELECT code FROM tracks WHERE competition_id = ? ORDER BY id", competitionId)
    .map((t) => t.code);
});

const count = (table: string) => h.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).n;
const counts = () => ({
  users: count("users"),
  partners: count("partners"),
  people: count("partner_people"),
  audit: count("audit_log"),
});
const auditRows = (action: string, id: number) =>
  h.all<{ actor_user_id: number; before: string | null; after: string }>(
    "SELECT actor_user_id, before, after FROM audit_log WHERE action = ? AND subject_type = 'partner' AND subject_id = ?",
    action,
    id,
  );
const investorForm = (email: string, extra: Record<string, unknown> = {}) => ({
  kind: "investor",
  nameEn: "Ventures " + email,
  country: "CN",
  tracks: [tracks[0]],
  stages: ["A", "B"],
  ticketMinWan: "200",
  ticketMaxWan: "2000",
  personName: "Li Ming",
  personEmail: email,
  ...extra,
});

describe("partners admin", () => {
  it("invites a partner: its account with the partner role, the partner and its person, and a link", async () => {
    const before = counts();
    const invited = await invitePartner(deps, h.organizer, competitionId, investorForm("Li.Ming@Invest.example"));
    if (!invited.ok) throw new Error(JSON.stringify(invited));
    expect(invited.email).toBe("li.ming@invest.example");
    expect(invited.path).toMatch(/^\/invite\/\d+\.\d+\.[A-Za-z0-9_-]+$/);
    const user = h.one<{ id: number; display_name: string }>(
      "SELECT id, display_name FROM users WHERE email = ?",
      "li.ming@invest.example",
    );
    expect(user.display_name).toBe("Li Ming");
    expect(h.all("SELECT role FROM user_roles WHERE user_id = ?", user.id)).toEqual([{ role: "partner" }]);
    expect(
      h.one("SELECT kind, stages, ticket_min_wan, ticket_max_wan FROM partners WHERE id = ?", invited.partnerId),
    ).toEqual({ kind: "investor", stages: '["A","B"]', ticket_min_wan: 200, ticket_max_wan: 2000 });
    expect(h.all("SELECT user_id, accepted_at FROM partner_people WHERE partner_id = ?", invited.partnerId)).toEqual([
      { user_id: user.id, accepted_at: null },
    ]);
    expect(auditRows("partner.invited", invited.partnerId)).toHaveLength(1);
    expect(counts()).toEqual({
      users: before.users + 1,
      partners: before.partners + 1,
      people: before.people + 1,
      audit: before.audit + 1,
    });

    const again = await invitePartner(deps, h.organizer, competitionId, investorForm("li.ming@invest.example"));
    expect(again).toMatchObject({ ok: false, kind: "conflict", field: "personEmail" });
  });

  it("refuses a bad invitation at its fields and writes nothing", async () => {
    const before = counts();
    const refused = await invitePartner(
      deps,
      h.organizer,
      competitionId,
      investorForm("noticket@invest.example", { ticketMinWan: "", ticketMaxWan: "" }),
    );
    expect(refused).toMatchObject({ ok: false, kind: "invalid" });
    if (refused.ok) return;
    expect(refused.fields).toMatchObject({
      ticketMinWan: ["validation.required"],
      ticketMaxWan: ["validation.required"],
    });
    const unknownTrack = await invitePartner(
      deps,
      h.organizer,
      competitionId,
      investorForm("notrack@invest.example", { tracks: ["nope"] }),
    );
    expect(unknownTrack).toMatchObject({
      ok: false,
      field: "tracks",
      fields: { tracks: ["partners.validation.unknownCode"] },
    });
    expect(counts()).toEqual(before);
    expect(h.one("SELECT count(*) AS n FROM users WHERE email = 'noticket@invest.example'")).toEqual({ n: 0 });
  });

  it("refuses everyone but organizers", async () => {
    const partner = await addPartner(h.db.sqlite, competitionId, { kind: "park", email: "self@park.example" });
    const judgeId = h.one<{ id: number }>("SELECT id FROM judges ORDER BY id LIMIT 1").id;
    const before = counts();
    for (const actor of [partner.user, h.judgeUser(judgeId)]) {
      const forbidden = { ok: false, kind: "forbidden", code: "errors.forbiddenBody" };
      expect(await invitePartner(deps, actor, competitionId, investorForm("x@invest.example"))).toEqual(forbidden);
      expect(await listPartners(deps, actor, competitionId, {})).toEqual(forbidden);
      expect(await updatePartner(deps, actor, competitionId, partner.partnerId, {})).toEqual(forbidden);
      expect(await setPartnerDisabled(deps, actor, competitionId, partner.partnerId, true)).toEqual(forbidden);
    }
    expect(counts()).toEqual(before);
  });

  it("lists partners by kind, track and disabled, with the edition's counts", async () => {
    const corp = await addPartner(h.db.sqlite, competitionId, {
      kind: "corporate",
      email: "list@corp.example",
      tracks: [tracks[1]!],
      customerKinds: ["energy"],
    });
    const off = await invitePartner(deps, h.organizer, competitionId, investorForm("off@invest.example"));
    if (!off.ok) throw new Error(JSON.stringify(off));
    expect((await setPartnerDisabled(deps, h.organizer, competitionId, off.partnerId, true)).ok).toBe(true);

    const all = h.all<{ kind: string; off: number }>(
      "SELECT kind, disabled_at IS NOT NULL AS off FROM partners WHERE competition_id = ?",
      competitionId,
    );
    const listed = await listPartners(deps, h.organizer, competitionId, {});
    if (!listed.ok) throw new Error(JSON.stringify(listed));
    expect(listed.partners.map((p) => p.id)).not.toContain(off.partnerId);
    expect(listed.partners).toHaveLength(all.filter((p) => !p.off).length);
    expect(listed.counts).toEqual({
      investor: all.filter((p) => p.kind === "investor" && !p.off).length,
      park: all.filter((p) => p.kind === "park" && !p.off).length,
      corporate: all.filter((p) => p.kind === "corporate" && !p.off).length,
      disabled: all.filter((p) => p.off).length,
      all: all.length,
    });
    expect(listed.counts.disabled).toBeGreaterThan(0);

    const corporates = await listPartners(deps, h.organizer, competitionId, { kind: "corporate" });
    expect(corporates.ok && corporates.partners.every((p) => p.kind === "corporate")).toBe(true);
    expect(corporates.ok && corporates.partners.map((p) => p.id)).toContain(corp.partnerId);

    const onTrack = await listPartners(deps, h.organizer, competitionId, { track: tracks[1] });
    if (!onTrack.ok) throw new Error(JSON.stringify(onTrack));
    expect(onTrack.partners.map((p) => p.id)).toContain(corp.partnerId);
    expect(onTrack.partners.every((p) => p.tracks.includes(tracks[1]!))).toBe(true);

    const disabled = await listPartners(deps, h.organizer, competitionId, { disabled: "only" });
    expect(disabled.ok && disabled.partners.map((p) => p.id)).toEqual(
      h
        .all<{ id: number }>(
          `SELECT id FROM partners WHERE competition_id = ? AND disabled_at IS NOT NULL
           ORDER BY kind, coalesce(name_en, name_zh), id`,
          competitionId,
        )
        .map((r) => r.id),
    );
    const withDisabled = await listPartners(deps, h.organizer, competitionId, { disabled: "with" });
    expect(withDisabled.ok && withDisabled.partners).toHaveLength(all.length);
    const offItem = withDisabled.ok && withDisabled.partners.find((p) => p.id === off.partnerId);
    expect(offItem).toMatchObject({ people: 1, accepted: 0, disabledAt: expect.any(String) });
  });

  it("corrects a profile but keeps its kind, and audits the change", async () => {
    const invited = await invitePartner(deps, h.organizer, competitionId, investorForm("edit@invest.example"));
    if (!invited.ok) throw new Error(JSON.stringify(invited));
    const detail = await partnerDetail(deps, h.organizer, competitionId, invited.partnerId);
    if (!detail.ok) throw new Error(JSON.stringify(detail));
    const values = { ...detail.partner.values, kind: "park", nameZh: "前沿", ticketMaxWan: "5000", city: "Beijing" };
    expect(await updatePartner(deps, h.organizer, competitionId, invited.partnerId, values)).toEqual({ ok: true });
    expect(
      h.one("SELECT kind, name_zh, ticket_max_wan, city, area_m2 FROM partners WHERE id = ?", invited.partnerId),
    ).toEqual({ kind: "investor", name_zh: "前沿", ticket_max_wan: 5000, city: "Beijing", area_m2: null });
    const [audit, ...more] = auditRows("partner.updated", invited.partnerId);
    expect(more).toEqual([]);
    expect(audit!.actor_user_id).toBe(h.organizer.id);
    expect(JSON.parse(audit!.before!)).toMatchObject({ ticketMaxWan: "2000", nameZh: "" });
    expect(JSON.parse(audit!.after)).toMatchObject({ ticket_max_wan: 5000, name_zh: "前沿" });

    const bad = await updatePartner(deps, h.organizer, competitionId, invited.partnerId, {
      ...values,
      ticketMinWan: "9000",
    });
    expect(bad).toMatchObject({
      ok: false,
      kind: "invalid",
      fields: { ticketMaxWan: ["partners.validation.ticketOrder"] },
    });
    expect(auditRows("partner.updated", invited.partnerId)).toHaveLength(1);
  });

  it("disables and enables a partner again, each audited, refusing a repeat", async () => {
    const invited = await invitePartner(deps, h.organizer, competitionId, investorForm("toggle@invest.example"));
    if (!invited.ok) throw new Error(JSON.stringify(invited));
    const disabledAt = () =>
      h.one<{ d: string | null }>("SELECT disabled_at AS d FROM partners WHERE id = ?", invited.partnerId).d;
    expect(await setPartnerDisabled(deps, h.organizer, competitionId, invited.partnerId, true)).toEqual({ ok: true });
    expect(disabledAt()).not.toBeNull();
    expect(await setPartnerDisabled(deps, h.organizer, competitionId, invited.partnerId, true)).toMatchObject({
      ok: false,
      code: "partners.alreadyDisabled",
    });
    expect(await setPartnerDisabled(deps, h.organizer, competitionId, invited.partnerId, false)).toEqual({ ok: true });
    expect(disabledAt()).toBeNull();
    expect(auditRows("partner.disabled", invited.partnerId)).toHaveLength(1);
    const [enabled] = auditRows("partner.enabled", invited.partnerId);
    expect(JSON.parse(enabled!.after)).toEqual({ disabledAt: null });
    expect(JSON.parse(enabled!.before!).disabledAt).toEqual(expect.any(String));
    expect(await setPartnerDisabled(deps, h.organizer, 999_999, invited.partnerId, true)).toMatchObject({
      ok: false,
      kind: "not_found",
    });
  });

  it("lands an invited partner on /partner once they choose a password, and marks the person accepted", async () => {
    const invited = await invitePartner(deps, h.organizer, competitionId, investorForm("accept@invest.example"));
    if (!invited.ok) throw new Error(JSON.stringify(invited));
    const token = invited.path.slice("/invite/".length);
    const accepted = await h.services.judges.acceptInvite(token, "a-good-long-password-1");
    expect(accepted).toMatchObject({ ok: true, landing: "/partner" });
    expect(
      h.one<{ a: string | null }>("SELECT accepted_at AS a FROM partner_people WHERE partner_id = ?", invited.partnerId)
        .a,
    ).not.toBeNull();
    expect(await h.services.judges.acceptInvite(token, "another-password-2")).toMatchObject({
      ok: false,
      code: "invite.invalid",
    });
    const listed = await listPartners(deps, h.organizer, competitionId, {});
    expect(listed.ok && listed.partners.find((p) => p.id === invited.partnerId)).toMatchObject({
      people: 1,
      accepted: 1,
    });
  });
});
