// Spreadsheet columns as data: a header, a cell kind (text, whole number, decimal, time), and how
// to read the cell from a row; plus the formatting every export shares (times in the competition's
// zone, exact decimals as numbers, team in one cell). Pure: callers hand in the words (`Words`).

/**
 * One cell. A `Date` is a wall-clock time already moved into the competition's time zone (its
 * UTC fields are what the reader should see, see `wallClock`): a spreadsheet date has no zone.
 */
export type CellValue = string | number | null | Date;

/** A sheet's content: headers, rows, and an Excel number format per column where it matters. */
export type Table = { headers: string[]; rows: CellValue[][]; formats?: (string | undefined)[] };

/** The words an export needs, handed in by the caller (the domain does not read the catalogues). */
export type Words = {
  t: (key: string, params?: Record<string, string | number>) => string;
  country: (code: string) => string;
  /** "zh-Hans", "zh-Hant" or "en": which of a pair of names (name_zh, name_en) the reader reads first. */
  locale: string;
};

export type ColumnKind = "text" | "integer" | "decimal" | "time";

export type Column<R> = {
  header: string;
  kind?: ColumnKind;
  /** Digits after the point of a decimal column ("0.00" in Excel, two digits in CSV). */
  decimals?: number;
  value: (row: R) => CellValue;
};

export const TIME_FORMAT = "yyyy-mm-dd hh:mm";

/** The Excel number format of a column: "0" for counts, "0.00" for two decimals, the time format. */
export function numberFormat(kind: ColumnKind, decimals = 0): string | undefined {
  if (kind === "integer") return "0";
  if (kind === "decimal") return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  if (kind === "time") return TIME_FORMAT;
  return undefined;
}

/** Rows through their columns: the headers, the cells, and each column's number format. */
export function tableOf<R>(columns: readonly Column<R>[], rows: readonly R[]): Table {
  return {
    headers: columns.map((c) => c.header),
    rows: rows.map((row) => columns.map((c) => c.value(row))),
    formats: columns.map((c) => numberFormat(c.kind ?? "text", c.decimals)),
  };
}

/** The zone if this runtime knows it, else UTC (a stored zone is checked on write; this is a last guard). */
export function knownZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/** A stored instant ("…Z" ISO, or SQLite's "YYYY-MM-DD HH:MM:SS" in UTC) as a Date; null if unreadable. */
function instant(stored: string): Date | null {
  const iso = /[zZ]$|[+-]\d\d:?\d\d$/.test(stored) ? stored : `${stored.replace(" ", "T")}Z`;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

// Building a formatter costs far more than using one, and an export formats thousands of times.
const clocks = new Map<string, Intl.DateTimeFormat>();
function clockOf(timeZone: string): Intl.DateTimeFormat {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    clocks.set(timeZone, clock);
  }
  return clock;
}

/**
 * The wall-clock time in `timeZone` of a stored instant, as a Date whose UTC fields hold it:
 * 2026-03-01T06:05Z in Asia/Shanghai → a Date reading 2026-03-01 14:05 in UTC. Excel stores a
 * date as the reader should see it, without a zone, so this is what goes into a date cell.
 */
export function wallClock(stored: string | null, timeZone: string): Date | null {
  if (!stored) return null;
  const at = instant(stored);
  if (!at) return null;
  const parts = clockOf(timeZone).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second")));
}

/** A wall-clock Date (see `wallClock`) as CSV writes it: "2026-03-01 14:05". */
export function formatWallClock(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ");
}

/** A cell as CSV text: decimals with their digits ("9.50"), times as "2026-03-01 14:05", empty for none. */
export function csvText(value: CellValue, format: string | undefined): string {
  if (value === null) return "";
  if (value instanceof Date) return formatWallClock(value);
  if (typeof value === "number") {
    const digits = format?.match(/^0\.(0+)$/)?.[1]?.length;
    return digits === undefined ? String(value) : value.toFixed(digits);
  }
  return value;
}

/** A stored decimal string ("9.67") as a number cell; null stays empty. */
export function decimalCell(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Digits after the point of a fixed-point quantity: 500 thousandths → 1 ("0.5"), 250 → 2, 1000 → 0. */
export function fractionDigits(units: number, scale: number): number {
  let digits = scale;
  let u = Math.abs(units);
  while (digits > 0 && u % 10 === 0) {
    u /= 10;
    digits--;
  }
  return digits;
}

/** The team in one cell, in order: "Li Wei (CEO); Anna Berg (CTO)". */
export function teamCell(members: readonly { name: string; role: string }[]): string {
  return members.map((m) => (m.role ? `${m.name} (${m.role})` : m.name)).join("; ");
}

/** One of a pair of names in the reader's language, the other when it is empty. */
export function nameIn(words: Words, zh: string | null, en: string | null): string {
  return (words.locale !== "en" ? zh || en : en || zh) ?? "";
}

/** "Submitted (Asia/Shanghai)": a time column says its zone in its header. */
export function zonedHeader(words: Words, key: string, timeZone: string): string {
  return `${words.t(key)} (${timeZone})`;
}

/** A stored file-name part (a round slug) kept to what every file system and browser accepts. */
export function fileNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 60) || "export";
}

/** What the entries export knows of one entry (the service reads it, these columns show it). */
export type EntryExportRow = {
  code: string;
  group: { code: string; nameZh: string; nameEn: string };
  track: { code: string; nameZh: string; nameEn: string };
  titleZh: string | null;
  titleEn: string | null;
  organization: string;
  country: string;
  city: string | null;
  website: string | null;
  contactName: string;
  contactEmail: string;
  team: { name: string; role: string }[];
  status: string;
  statusReason: string | null;
  submittedAt: string | null;
};

/** The entries export's columns, headers in the reader's language, times in `timeZone`. */
export function entryColumns(words: Words, timeZone: string): Column<EntryExportRow>[] {
  const { t } = words;
  return [
    { header: t("exports.col.code"), value: (r) => r.code },
    { header: t("exports.col.groupCode"), value: (r) => r.group.code },
    { header: t("exports.col.group"), value: (r) => nameIn(words, r.group.nameZh, r.group.nameEn) },
    { header: t("exports.col.trackCode"), value: (r) => r.track.code },
    { header: t("exports.col.track"), value: (r) => nameIn(words, r.track.nameZh, r.track.nameEn) },
    { header: t("exports.col.titleZh"), value: (r) => r.titleZh },
    { header: t("exports.col.titleEn"), value: (r) => r.titleEn },
    { header: t("exports.col.organization"), value: (r) => r.organization },
    { header: t("exports.col.countryCode"), value: (r) => r.country },
    { header: t("exports.col.country"), value: (r) => words.country(r.country) },
    { header: t("exports.col.city"), value: (r) => r.city },
    { header: t("exports.col.website"), value: (r) => r.website },
    { header: t("exports.col.contactName"), value: (r) => r.contactName },
    { header: t("exports.col.contactEmail"), value: (r) => r.contactEmail },
    { header: t("exports.col.team"), value: (r) => teamCell(r.team) },
    { header: t("exports.col.teamSize"), kind: "integer", value: (r) => r.team.length },
    { header: t("exports.col.status"), value: (r) => t(`exports.status.${r.status}`) },
    { header: t("exports.col.statusReason"), value: (r) => r.statusReason },
    {
      header: zonedHeader(words, "exports.col.submittedAt", timeZone),
      kind: "time",
      value: (r) => wallClock(r.submittedAt, timeZone),
    },
  ];
}
