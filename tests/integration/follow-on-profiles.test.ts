import { describe, expect, it } from "vitest";
import { consentingEntryProfiles, partnerProfiles } from "../../app/services/follow-on/profiles.server";
import { addPartner, demoRound, entriesInRound, giveNeeds, openFollowOn } from "../support/follow-on";
import { servicesForThisFile } from "../support/services";

const h = servicesForThisFile("demo");

describe("follow-on profiles", () => {
  it("lists only entries of the needs round whose entrant consented, with their needs whole", async () => {
    const { competitionId, roundId } = demoRound(h.db.sqlite, "final");
    openFollowOn(h.db.sqlite, competitionId, roundId);
    const [a, b, c] = entriesInRound(h.db.sqlite, roundId);
    giveNeeds(h.db.sqlite, a!.id, { financing: { amountWan: 800, stage: "A" } });
    giveNeeds(h.db.sqlite, b!.id, { consent: false, financing: { amountWan: 300, stage: "seed" } });
    giveNeeds(h.db.sqlite, c!.id, { space: { areaM2: 200, city: "Beijing", fromMonth: "2027-03" } });
    const listed = await consentingEntryProfiles(h.db.db, competitionId);
    // The demo seed already gave the finalists needs (most consenting): only the round's entries are
    // listed, the two given consent here among them, the one that withheld it not.
    const inRound = new Set(entriesInRound(h.db.sqlite, roundId).map((e) => e.id));
    const ids = listed.map((l) => l.card.id);
    expect(ids.every((id) => inRound.has(id))).toBe(true);
    expect(ids).toEqual(expect.arrayContaining([a!.id, c!.id]));
    expect(ids).not.toContain(b!.id);
    const first = listed.find((l) => l.card.id === a!.id)!;
    expect(first.profile).toMatchObject({ consent: true, needs: { financing: { amountWan: 800, stage: "A" } } });
    expect(first.profile.needs.space).toBeUndefined();
  });

  it("reads a partner's stored lists back as its profile, and leaves disabled partners out", async () => {
    const { competitionId } = demoRound(h.db.sqlite, "final");
    const inv = await addPartner(h.db.sqlite, competitionId, {
      kind: "investor",
      email: "inv@p.test",
      tracks: ["quantum"],
      ticket: [200, 2000],
      stages: ["A", "B"],
    });
    const park = await addPartner(h.db.sqlite, competitionId, { kind: "park", email: "park@p.test", areaM2: 900 });
    h.db.sqlite.prepare("UPDATE partners SET disabled_at = datetime('now') WHERE id = ?").run(park.partnerId);
    const partners = await partnerProfiles(h.db.db, competitionId);
    // The demo's own partners are listed too; the park disabled here is not.
    expect(partners.some((p) => p.profile.id === park.partnerId)).toBe(false);
    expect(partners.filter((p) => p.profile.id === inv.partnerId).map((p) => p.profile)).toEqual([
      {
        id: inv.partnerId,
        kind: "investor",
        tracks: ["quantum"],
        regions: [],
        stages: ["A", "B"],
        ticket: { minWan: 200, maxWan: 2000 },
      },
    ]);
  });
});
