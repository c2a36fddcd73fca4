// The rules an organizer relies on when creating an edition and its groups: presets say who may
// enter, typed codes are checked, dates are read in the edition's own time zone.
import { describe, expect, it } from "vitest";
import {
  COMMON_TIME_ZONES,
  competitionFormSchema,
  groupFormSchema,
  isoToZonedLocal,
  isTimeZone,
  trackFormSchema,
  zonedLocalToIso,
} from "../../app/domain/edition-schemas";
import {
  ELIGIBILITY_PRESETS,
  parseCountryList,
  PRESET_COUNTRIES,
  presetOf,
  regionOf,
  resolveEligibility,
} from "../../app/domain/eligibility-presets";
import { isCountryCode } from "../../app/i18n/countries";

describe("eligibility presets", () => {
  it("are made only of real country and region codes", () => {
    for (const preset of ELIGIBILITY_PRESETS)
      expect(
        PRESET_COUNTRIES[preset].filter((c) => !isCountryCode(c)),
        preset,
      ).toEqual([]);
  });

  it("keep mainland China, Hong Kong, Macao and Taiwan out of Asia, and each preset apart from the others", () => {
    for (const code of ["CN", "HK", "MO", "TW"]) expect(PRESET_COUNTRIES.AS).not.toContain(code);
    const seen = new Map<string, string>();
    for (const preset of ELIGIBILITY_PRESETS)
      for (const code of PRESET_COUNTRIES[preset]) {
        expect(seen.get(code), `${code} in ${preset}`).toBeUndefined();
        seen.set(code, preset);
      }
  });

  it("name the countries organizers expect", () => {
    expect([...PRESET_COUNTRIES.NA]).toEqual(["CA", "MX", "US"]);
    expect(PRESET_COUNTRIES.EU).toEqual(expect.arrayContaining(["GB", "CH", "NO", "DE", "FR", "UA"]));
    expect(PRESET_COUNTRIES.AS).toEqual(expect.arrayContaining(["JP", "KR", "SG", "IN", "AE"]));
    expect([...PRESET_COUNTRIES.HMT]).toEqual(["HK", "MO", "TW"]);
  });

  it("make a group domestic only when mainland China alone may enter", () => {
    expect(regionOf(["CN"])).toBe("domestic");
    expect(regionOf(["CN", "HK"])).toBe("overseas");
    expect(regionOf(PRESET_COUNTRIES.HMT)).toBe("overseas");
    expect(resolveEligibility("CN", [], isCountryCode)).toEqual({ ok: true, countries: ["CN"], region: "domestic" });
  });

  it("join a preset with typed codes, each once, and recognise a preset from its countries", () => {
    const choice = resolveEligibility("NA", parseCountryList("br, us；CL"), isCountryCode);
    expect(choice).toEqual({ ok: true, countries: ["BR", "CA", "CL", "MX", "US"], region: "overseas" });
    expect(presetOf(["US", "MX", "CA"])).toBe("NA");
    expect(presetOf(["US", "CA"])).toBeUndefined();
  });

  it("refuse a group nobody could enter, and name the first unknown code", () => {
    expect(resolveEligibility(undefined, [], isCountryCode)).toEqual({ ok: false, code: "editions.errors.noCountry" });
    expect(resolveEligibility("EU", ["DE", "XX", "QQ"], isCountryCode)).toEqual({
      ok: false,
      code: "editions.errors.unknownCountry",
      unknown: "XX",
    });
    expect(resolveEligibility(undefined, ["USA"], isCountryCode)).toMatchObject({ ok: false, unknown: "USA" });
  });
});

describe("time zones", () => {
  it("accept the common zones and refuse what is not a zone", () => {
    for (const zone of COMMON_TIME_ZONES) expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ["Mars/Olympus", "", "Asia/Shanghai; drop", "+08:00", "../etc"])
      expect(isTimeZone(zone), zone).toBe(false);
  });

  it("read a typed date and time as the wall clock of the edition's zone", () => {
    expect(zonedLocalToIso("2027-03-01T09:00", "Asia/Shanghai")).toBe("2027-03-01T01:00:00.000Z");
    expect(zonedLocalToIso("2027-01-15T09:00", "America/New_York")).toBe("2027-01-15T14:00:00.000Z");
    // Summer time: New York is 4 hours behind UTC, London 1 hour ahead.
    expect(zonedLocalToIso("2027-07-15T09:00", "America/New_York")).toBe("2027-07-15T13:00:00.000Z");
    expect(zonedLocalToIso("2027-07-15T09:00", "Europe/London")).toBe("2027-07-15T08:00:00.000Z");
    expect(zonedLocalToIso("2027-07-15T09:00", "UTC")).toBe("2027-07-15T09:00:00.000Z");
  });

  it("show a stored instant back as the same wall-clock time", () => {
    for (const zone of COMMON_TIME_ZONES)
      for (const local of ["2027-03-01T09:00", "2027-07-15T23:30", "2027-10-31T00:00"])
        expect(isoToZonedLocal(zonedLocalToIso(local, zone), zone), `${zone} ${local}`).toBe(local);
  });

  it("refuse dates that do not exist", () => {
    expect(zonedLocalToIso("2027-02-30T09:00", "UTC")).toBeNull();
    expect(zonedLocalToIso("2027-02-01", "UTC")).toBeNull();
    expect(zonedLocalToIso("2027-02-01T09:00", "Nowhere/City")).toBeNull();
  });
});

const edition = {
  nameZh: "2027 前沿大赛",
  nameEn: "Frontier 2027",
  slug: "frontier2027",
  year: "2027",
  timeZone: "Asia/Shanghai",
  opensAt: "2027-03-01T00:00",
  closesAt: "2027-06-30T23:59",
};
const issuesOf = (input: Record<string, string>) => {
  const parsed = competitionFormSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("the new-edition form", () => {
  it("stores the registration window as UTC instants and the copy options as given", () => {
    const parsed = competitionFormSchema.parse({ ...edition, copyFrom: "zgc2026", copyJudges: "on" });
    expect(parsed).toMatchObject({
      slug: "frontier2027",
      year: 2027,
      opensAt: "2027-02-28T16:00:00.000Z",
      closesAt: "2027-06-30T15:59:00.000Z",
      copyFrom: "zgc2026",
      copyJudges: true,
    });
    const plain = competitionFormSchema.parse(edition);
    expect([plain.copyFrom, plain.copyJudges]).toEqual([undefined, false]);
  });

  it("puts each problem at its field", () => {
    expect(issuesOf({ ...edition, slug: "Frontier-2027" })).toEqual({ slug: "editions.errors.slugFormat" });
    expect(issuesOf({ ...edition, slug: "new" })).toEqual({ slug: "editions.errors.slugReserved" });
    expect(issuesOf({ ...edition, year: "1999" })).toEqual({ year: "editions.errors.yearRange" });
    expect(issuesOf({ ...edition, timeZone: "Beijing" })).toEqual({ timeZone: "editions.errors.timeZone" });
    expect(issuesOf({ ...edition, closesAt: "2027-02-01T00:00" })).toEqual({
      closesAt: "editions.errors.closesBeforeOpens",
    });
    expect(issuesOf({ ...edition, nameEn: " " })).toEqual({ nameEn: "validation.required" });
  });
});

describe("group and track forms", () => {
  it("read codes in capitals and the countries from a text field and a multi-select together", () => {
    expect(
      groupFormSchema.parse({ code: "na", nameZh: "北美", nameEn: "NA", preset: "NA", countries: ["br", "CL"] }),
    ).toEqual({ code: "NA", nameZh: "北美", nameEn: "NA", preset: "NA", countries: ["BR", "CL"] });
    expect(
      groupFormSchema.parse({ code: "HMT", nameZh: "港澳台", nameEn: "HMT", preset: "custom", countries: "HK MO TW" }),
    ).toMatchObject({ preset: undefined, countries: ["HK", "MO", "TW"] });
    expect(trackFormSchema.parse({ code: "6g", nameZh: "6G", nameEn: "6G" }).code).toBe("6G");
  });

  it("refuse codes of the wrong shape", () => {
    expect(groupFormSchema.safeParse({ code: "N1", nameZh: "x", nameEn: "x" }).error?.issues[0]?.message).toBe(
      "editions.errors.groupCodeFormat",
    );
    expect(trackFormSchema.safeParse({ code: "TOOLONG", nameZh: "x", nameEn: "x" }).error?.issues[0]?.message).toBe(
      "editions.errors.trackCodeFormat",
    );
  });
});
