// Kysely's view of the tables built by db/migrations. Keep in step with the migrations.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { Rounding } from "../app/domain/decimal";
import type { Normalization } from "../app/domain/ranking";
import type { RankingScope, RoundKind, RoundStatus } from "../app/domain/round-settings";
import type { Combine } from "../app/domain/scoring";

// The vocabularies of rounds are defined once, in the domain; the migrations' CHECKs spell them
// out frozen in time, and tests/integration/migrations.test.ts holds the two in step.
export type { Combine, Normalization, RankingScope, RoundKind, Rounding, RoundStatus };

/** A column the database fills in by default (timestamps). */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export type GroupRegion = "domestic" | "overseas";
import type {
  EntryNeedsTable,
  AgendaNoticesTable,
  FollowOnSettingsTable,
  MeetingScheduleRunsTable,
  MeetingOutcomesTable,
  MeetingPlacementsTable,
  MeetingRequestsTable,
  PartnerDeckViewsTable,
  PartnerPeopleTable,
  PartnersTable,
  PartnerShortlistTable,
  PartnerImportsTable,
} from "./schema-follow-on";

export type Role = "entrant" | "judge" | "organizer" | "partner"; // partner since 0010
export type Locale = "zh-Hans" | "zh-Hant" | "en"; // users.locale and outbox.locale allow all three since 0008
export type EntryStatus = "draft" | "submitted" | "withdrawn" | "disqualified";
export type RoundEntryState = "in" | "advanced" | "eliminated";
export type ScoreStatus = "draft" | "submitted";
export type ConflictSource = "declared" | "detected" | "organizer";
export type ConflictStatus = "confirmed" | "pending" | "dismissed";

export interface CompetitionsTable {
  id: Generated<number>;
  slug: string;
  name_zh: string;
  name_en: string;
  edition: number;
  registration_opens_at: string;
  registration_closes_at: string;
  created_at: Defaulted<string>;
  /** IANA time zone the edition's dates are shown in, e.g. Asia/Shanghai. */
  time_zone: Defaulted<string>;
  /** Origins allowed to frame the live pages and overlays (one per line); empty: this site only. */
  embed_origins: Defaulted<string>;
}

export interface GroupsTable {
  id: Generated<number>;
  competition_id: number;
  code: string;
  name_zh: string;
  name_en: string;
  region: GroupRegion;
  /** JSON array of ISO 3166-1 alpha-2 codes. */
  eligible_countries: string;
  sort_order: number;
}

export interface TracksTable {
  id: Generated<number>;
  competition_id: number;
  code: string;
  name_zh: string;
  name_en: string;
  sort_order: number;
}

export interface RoundsTable {
  id: Generated<number>;
  competition_id: number;
  position: number;
  slug: string;
  name_zh: string;
  name_en: string;
  scope: RankingScope;
  kind: Defaulted<RoundKind>;
  status: Defaulted<RoundStatus>;
  judges_per_entry: number;
  advance_count: number;
  drop_highest: Defaulted<number>;
  drop_lowest: Defaulted<number>;
  combine: Defaulted<Combine>;
  multiplier: string | null;
  decimals: Defaulted<number>;
  rounding: Defaulted<Rounding>;
  normalization: Defaulted<Normalization>;
  /** JSON array of tie-break keys, in order. */
  tie_breaks: Defaulted<string>;
  opens_at: string | null;
  closes_at: string | null;
  published_at: string | null;
  created_at: Defaulted<string>;
  /** 1: no judge scores an entry from their own country in this round. */
  avoid_same_country: Defaulted<number>;
  /** At most this many entries of one organization advance per ranking unit; null: no cap. */
  advance_per_organization: number | null;
}

export interface CriteriaTable {
  id: Generated<number>;
  round_id: number;
  position: number;
  name_zh: string;
  name_en: string;
  weight_bp: number;
  max_milli: number;
  step_milli: number;
  /** What the marks mean ("9: paying pilots"), shown on the judge's sheet; null: none written. */
  description_zh: string | null;
  description_en: string | null;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  display_name: string;
  locale: Defaulted<Locale>;
  disabled_at: string | null;
  created_at: Defaulted<string>;
}

export const SESSION_END_REASONS = ["signed_out", "password_changed", "disabled", "revoked"] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

export interface SessionsTable {
  id_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_reason: SessionEndReason | null;
  user_agent: string | null;
}

export interface UserRolesTable {
  user_id: number;
  role: Role;
}

export interface EntriesTable {
  id: Generated<number>;
  competition_id: number;
  group_id: number;
  track_id: number;
  code: string;
  entrant_user_id: number | null;
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
  status: Defaulted<EntryStatus>;
  status_reason: string | null;
  submitted_at: string | null;
  created_at: Defaulted<string>;
  updated_at: Defaulted<string>;
  /** A link to the pitch video (optional, beside the deck). */
  video_url: string | null;
}

export interface TeamMembersTable {
  id: Generated<number>;
  entry_id: number;
  position: number;
  name: string;
  role: string;
  email: string | null;
}

export interface JudgesTable {
  id: Generated<number>;
  competition_id: number;
  user_id: number;
  name: string;
  title: string | null;
  affiliation: string;
  country: string;
  created_at: Defaulted<string>;
  /** When the judge accepted their invitation; null: not yet. */
  accepted_at: string | null;
}

export interface JudgeExpertiseTable {
  judge_id: number;
  track_id: number;
}

export interface JudgeConflictsTable {
  id: Generated<number>;
  judge_id: number;
  entry_id: number | null;
  organization: string | null;
  source: ConflictSource;
  status: ConflictStatus;
  reason: string | null;
  created_at: Defaulted<string>;
  /** A detected conflict's confidence, 0–100; null for declared and organizer conflicts. */
  confidence: number | null;
  /** JSON: what a detection matched (kind and values), so the reason can be said in words. */
  evidence: string | null;
}

export interface RetiredEntryCodesTable {
  code: string;
  entry_id: number;
  retired_at: Defaulted<string>;
}

export interface RoundEntriesTable {
  round_id: number;
  entry_id: number;
  state: Defaulted<RoundEntryState>;
  stage_order: number | null;
  /** Written by an organizer for the entrant; shown once the round is published. */
  feedback: string | null;
  /** 'organizer' when an organizer overrode the rule's decision (with state_reason). */
  state_source: Defaulted<"rule" | "organizer">;
  state_reason: string | null;
}

export interface AssignmentsTable {
  id: Generated<number>;
  round_id: number;
  judge_id: number;
  entry_id: number;
  created_at: Defaulted<string>;
}

export interface ScoresTable {
  id: Generated<number>;
  round_id: number;
  judge_id: number;
  entry_id: number;
  status: Defaulted<ScoreStatus>;
  comment: string | null;
  revision: Defaulted<number>;
  submitted_at: string | null;
  updated_at: Defaulted<string>;
  /** Chosen by a judge's phone for a stage submission, so a repeat after a reconnect is recognised. */
  submission_key: string | null;
  /**
   * Σ mark × weight / 100 as exact canonical decimal text (0013), null until every criterion is
   * marked or after a mark changed outside writeScore: written only by storeScoreTotals.
   */
  weighted_total: string | null;
}

export interface ScoreMarksTable {
  score_id: number;
  criterion_id: number;
  mark_milli: number;
}

export interface ResultsTable {
  round_id: number;
  entry_id: number;
  unit: string;
  rank: number | null;
  result: string | null;
  raw_result: string | null;
  judges_counted: number;
  /** JSON arrays of decimal strings. */
  kept: string;
  dropped: string;
  decided_by: string | null;
  computed_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Defaulted<string>;
  actor_user_id: number | null;
  action: string;
  subject_type: string;
  subject_id: number;
  before: string | null;
  after: string | null;
  reason: string | null;
}

export interface LiveEventsTable {
  id: Generated<number>;
  competition_id: number;
  seq: number;
  type: string;
  payload: string;
  created_at: Defaulted<string>;
}

export interface LiveStateTable {
  competition_id: number;
  round_id: number;
  control: string;
  public: string;
  seq: Generated<number>;
  updated_at: Generated<string>;
}

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "cancelled"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxTable {
  id: Generated<number>;
  competition_id: number | null;
  kind: string;
  to_address: string;
  to_name: string | null;
  to_user_id: number | null;
  locale: Locale;
  subject: string;
  text_body: string;
  html_body: string;
  status: Defaulted<OutboxStatus>;
  attempts: Defaulted<number>;
  next_attempt_at: Defaulted<string>;
  lease_until: string | null;
  last_error: string | null;
  message_id: string;
  dedupe_key: string | null;
  created_at: Defaulted<string>;
  sent_at: string | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: number;
  created_at: Defaulted<string>;
  expires_at: string;
  used_at: string | null;
}

export interface EntryDecksTable {
  id: Generated<number>;
  entry_id: number;
  sha256: string;
  bytes: number;
  media_type: Defaulted<string>;
  file_name: string;
  uploaded_by: number | null;
  uploaded_at: Defaulted<string>;
  replaced_at: string | null;
}

export interface LiveVotesTable {
  id: Generated<number>;
  competition_id: number;
  round_id: number;
  entry_id: number;
  device_hash: string;
  address: string;
  network: string;
  user_agent: string | null;
  device_seen_at: string | null;
  created_at: Defaulted<string>;
  discounted_at: string | null;
  discounted_by: number | null;
  discount_reason: string | null;
}

export interface Database {
  competitions: CompetitionsTable;
  groups: GroupsTable;
  tracks: TracksTable;
  rounds: RoundsTable;
  criteria: CriteriaTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  entries: EntriesTable;
  team_members: TeamMembersTable;
  retired_entry_codes: RetiredEntryCodesTable;
  judges: JudgesTable;
  judge_expertise: JudgeExpertiseTable;
  judge_conflicts: JudgeConflictsTable;
  round_entries: RoundEntriesTable;
  assignments: AssignmentsTable;
  scores: ScoresTable;
  score_marks: ScoreMarksTable;
  results: ResultsTable;
  audit_log: AuditLogTable;
  live_events: LiveEventsTable;
  live_state: LiveStateTable;
  outbox: OutboxTable;
  password_resets: PasswordResetsTable;
  entry_decks: EntryDecksTable;
  live_votes: LiveVotesTable;
  follow_on_settings: FollowOnSettingsTable;
  partners: PartnersTable;
  partner_people: PartnerPeopleTable;
  entry_needs: EntryNeedsTable;
  partner_shortlist: PartnerShortlistTable;
  meeting_requests: MeetingRequestsTable;
  meeting_placements: MeetingPlacementsTable;
  meeting_schedule_runs: MeetingScheduleRunsTable;
  agenda_notices: AgendaNoticesTable;
  meeting_outcomes: MeetingOutcomesTable;
  partner_deck_views: PartnerDeckViewsTable;
  partner_imports: PartnerImportsTable;
}

export type Competition = Selectable<CompetitionsTable>;
export type Group = Selectable<GroupsTable>;
export type Track = Selectable<TracksTable>;
export type Round = Selectable<RoundsTable>;
export type Criterion = Selectable<CriteriaTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Entry = Selectable<EntriesTable>;
export type NewEntry = Insertable<EntriesTable>;
export type EntryUpdate = Updateable<EntriesTable>;
export type TeamMember = Selectable<TeamMembersTable>;
export type Judge = Selectable<JudgesTable>;
export type Score = Selectable<ScoresTable>;
export type ResultRow = Selectable<ResultsTable>;
export type AuditEntry = Insertable<AuditLogTable>;
export type LiveEvent = Selectable<LiveEventsTable>;
