// An entry's history, field by field: the snapshot a change records in the audit log (only the
// fields that changed, before and after), and how a recorded row reads back as "field: from → to".
import { z } from "zod";
import { ENTRY_CONTENT_FIELDS } from "./entry-fields";

/** The fields of an entry a history line can name, in the order the organizer's page lists them. */
export const ENTRY_HISTORY_FIELDS = ["code", "status", ...ENTRY_CONTENT_FIELDS] as const;
export type EntryHistoryField = (typeof ENTRY_HISTORY_FIELDS)[number];

export type TeamSnapshot = { name: string; role: string; email?: string | null }[];
/** A group or track by code; rows written before codes were recorded name it by id. */
export type PlacementRef = string | number;
export type EntrySnapshot = {
  [K in EntryHistoryField]?: K extends "team"
    ? TeamSnapshot
    : K extends "group" | "track"
      ? PlacementRef
      : string | null;
};

/** What an entry is, in the snapshot's terms: columns as stored, group and track by code, the team in order. */
export function entrySnapshot(
  entry: {
    code: string;
    status: string;
    title_zh: string | null;
    title_en: string | null;
    summary_zh: string | null;
    summary_en: string | null;
    organization: string;
    country: string;
    city: string | null;
    website: string | null;
    contact_name: string;
    contact_email: string;
  },
  placement: { group: string; track: string },
  team: TeamSnapshot,
): Required<EntrySnapshot> {
  return {
    code: entry.code,
    status: entry.status,
    group: placement.group,
    track: placement.track,
    title_zh: entry.title_zh,
    title_en: entry.title_en,
    summary_zh: entry.summary_zh,
    summary_en: entry.summary_en,
    organization: entry.organization,
    country: entry.country,
    city: entry.city,
    website: entry.website,
    contact_name: entry.contact_name,
    contact_email: entry.contact_email,
    team: team.map((m) => ({ name: m.name, role: m.role, email: m.email ?? null })),
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  // Team lists are small arrays of plain objects: comparing their JSON is exact and enough.
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Only the fields that differ, before and after; null when nothing changed. */
export function changedFields(
  before: EntrySnapshot,
  after: EntrySnapshot,
): { before: EntrySnapshot; after: EntrySnapshot } | null {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const field of ENTRY_HISTORY_FIELDS) {
    if (!(field in after) || sameValue(before[field], after[field])) continue;
    was[field] = before[field] ?? null;
    now[field] = after[field] ?? null;
  }
  if (Object.keys(now).length === 0) return null;
  return { before: was as EntrySnapshot, after: now as EntrySnapshot };
}

const teamSchema = z.array(
  z
    .object({ name: z.string(), role: z.string(), email: z.string().nullable().optional() })
    .catch({ name: "?", role: "" }),
);
const text = z.string().nullable().optional().catch(undefined);
const ref = z.union([z.string(), z.number()]).optional().catch(undefined);
// Tolerant: rows written by earlier versions carry other keys (group_id) or fewer of these.
const snapshotSchema = z.object({
  code: text,
  status: text,
  group: ref,
  track: ref,
  group_id: z.number().optional().catch(undefined),
  track_id: z.number().optional().catch(undefined),
  title_zh: text,
  title_en: text,
  summary_zh: text,
  summary_en: text,
  organization: text,
  country: text,
  city: text,
  website: text,
  contact_name: text,
  contact_email: text,
  team: teamSchema.optional().catch(undefined),
});

/** A recorded before or after, with only the keys it names (earlier rows' group_id read as group). */
export function readEntrySnapshot(json: string | null): EntrySnapshot | null {
  if (!json) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = snapshotSchema.safeParse(raw);
  if (!parsed.success || typeof raw !== "object" || raw === null) return null;
  const { group_id, track_id, ...rest } = parsed.data;
  const snapshot: Record<string, unknown> = {};
  for (const field of ENTRY_HISTORY_FIELDS)
    if (field in raw && rest[field] !== undefined) snapshot[field] = rest[field];
  if (snapshot.group === undefined && group_id !== undefined) snapshot.group = group_id;
  if (snapshot.track === undefined && track_id !== undefined) snapshot.track = track_id;
  return snapshot as EntrySnapshot;
}

export type FieldChange<F extends EntryHistoryField = EntryHistoryField> = {
  field: F;
  /** Undefined when the entry came into being with this row: there was no "before". */
  from?: EntrySnapshot[F] | null;
  to: EntrySnapshot[F] | null;
};

// A new entry's row lists what identifies it, not every field it was created with.
const FIRST_ROW_FIELDS: readonly EntryHistoryField[] = ["code", "status", "group", "track"];

/**
 * The field changes one audit row records: every field present in both before and after that
 * differs; for a row without a before (created, imported), what the entry started as.
 */
export function entryChanges(beforeJson: string | null, afterJson: string | null): FieldChange[] {
  const before = readEntrySnapshot(beforeJson);
  const after = readEntrySnapshot(afterJson);
  if (!after) return [];
  if (!before)
    return FIRST_ROW_FIELDS.filter((f) => after[f] !== undefined).map((field) => ({ field, to: after[field] ?? null }));
  return ENTRY_HISTORY_FIELDS.filter((f) => f in before && f in after && !sameValue(before[f], after[f])).map(
    (field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }),
  );
}

/** The words a history line needs, from the page's language: field labels, names for codes. */
export type HistoryVocabulary = {
  field: (field: EntryHistoryField) => string;
  status: (status: string) => string;
  country: (code: string) => string;
  group: (ref: PlacementRef) => string;
  track: (ref: PlacementRef) => string;
  /** "3 members", in the page's language. */
  members: (count: number) => string;
  /** What an empty value reads as. */
  none: string;
};

export const CLIP_AT = 80;
const TEAM_NAMES_SHOWN = 4;

/** Long text (a summary) cut at a word's end where one is near, with an ellipsis. */
export function clip(value: string, max = CLIP_AT): string {
  const chars = [...value.replace(/\s+/g, " ").trim()];
  if (chars.length <= max) return chars.join("");
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** A team in one line: how many, and the first few by name and role. */
export function summarizeTeam(team: TeamSnapshot, members: (count: number) => string): string {
  const names = team.slice(0, TEAM_NAMES_SHOWN).map((m) => (m.role ? `${m.name} (${m.role})` : m.name));
  const more = team.length > TEAM_NAMES_SHOWN ? ", …" : "";
  return team.length === 0 ? members(0) : `${members(team.length)}: ${names.join(", ")}${more}`;
}

function describeValue(field: EntryHistoryField, value: unknown, words: HistoryVocabulary): string {
  if (value === null || value === undefined || value === "") return words.none;
  if (field === "team") return summarizeTeam(value as TeamSnapshot, words.members);
  if (field === "group") return words.group(value as PlacementRef);
  if (field === "track") return words.track(value as PlacementRef);
  if (field === "status") return words.status(String(value));
  if (field === "country") return words.country(String(value));
  return clip(String(value));
}

export type HistoryLine = { field: EntryHistoryField; label: string; from: string | null; to: string };

/** One change in words: the field's label, and its values as names (a country's, a group's), clipped. */
export function describeChange(change: FieldChange, words: HistoryVocabulary): HistoryLine {
  return {
    field: change.field,
    label: words.field(change.field),
    from: change.from === undefined ? null : describeValue(change.field, change.from, words),
    to: describeValue(change.field, change.to, words),
  };
}
