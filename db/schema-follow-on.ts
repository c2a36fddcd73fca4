// Kysely's view of the follow-on services' tables (db/migrations/0010_follow_on.ts), kept apart from
// schema.ts for length; schema.ts lists them in Database.
import type { ColumnType, Generated } from "kysely";
import type { OutcomeKind } from "../app/domain/meeting-outcomes";
import type { UnplacedReason } from "../app/domain/meeting-schedule";
import type {
  CustomerKind,
  FundingStage,
  PartnerKind,
  Region,
  RequestSide,
  RequestState,
} from "../app/domain/partner-vocabulary";

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface FollowOnSettingsTable {
  competition_id: number;
  /** The round whose entries are asked their needs; null: nobody is asked yet. */
  needs_round_id: number | null;
  cap_per_partner: Defaulted<number>;
  cap_per_entry_per_kind: Defaulted<number>;
  /** JSON array of "YYYY-MM-DD" in the edition's time zone. */
  days: Defaulted<string>;
  /** "HH:MM" in the edition's time zone. */
  day_starts: Defaulted<string>;
  day_ends: Defaulted<string>;
  slot_minutes: Defaulted<number>;
  tables: Defaulted<number>;
  /** The live final's first pitch (ISO instant); entry k of the stage order pitches k-1 pitches later. */
  final_starts_at: string | null;
  pitch_minutes: Defaulted<number>;
  schedule_published_at: string | null;
  updated_at: Defaulted<string>;
}

export interface PartnersTable {
  id: Generated<number>;
  competition_id: number;
  kind: PartnerKind;
  name_zh: string | null;
  name_en: string | null;
  about_zh: string | null;
  about_en: string | null;
  website: string | null;
  country: string;
  city: string | null;
  district: string | null;
  /** JSON arrays of codes: track codes, Region, FundingStage, ParkSupport, CustomerKind. */
  tracks: Defaulted<string>;
  regions: Defaulted<string>;
  stages: Defaulted<string>;
  support: Defaulted<string>;
  customer_kinds: Defaulted<string>;
  ticket_min_wan: number | null;
  ticket_max_wan: number | null;
  area_m2: number | null;
  created_at: Defaulted<string>;
  updated_at: Defaulted<string>;
  disabled_at: string | null;
}

export interface PartnerPeopleTable {
  id: Generated<number>;
  partner_id: number;
  user_id: number;
  title: string | null;
  created_at: Defaulted<string>;
  accepted_at: string | null;
}

export interface EntryNeedsTable {
  entry_id: number;
  region: Region;
  consented_at: string | null;
  consented_by: number | null;
  financing_amount_wan: number | null;
  financing_stage: FundingStage | null;
  space_area_m2: number | null;
  space_city: string | null;
  space_from_month: string | null;
  market_customer_kind: CustomerKind | null;
  market_region: Region | null;
  note: string | null;
  updated_at: Defaulted<string>;
}

export interface PartnerShortlistTable {
  partner_id: number;
  entry_id: number;
  added_by: number | null;
  note: string | null;
  created_at: Defaulted<string>;
}

export interface MeetingRequestsTable {
  id: Generated<number>;
  competition_id: number;
  partner_id: number;
  entry_id: number;
  from_side: RequestSide;
  state: Defaulted<RequestState>;
  message: string | null;
  created_by: number | null;
  created_at: Defaulted<string>;
  answered_by: number | null;
  answered_at: string | null;
}

export interface MeetingPlacementsTable {
  request_id: number;
  starts_at: string | null;
  ends_at: string | null;
  table_no: number | null;
  unplaced_reason: UnplacedReason | null;
  placed_at: Defaulted<string>;
  /** How many times this meeting's time or table changed (0011): the calendar file's SEQUENCE. */
  sequence: Defaulted<number>;
}

/** A confirmed scheduling run and the placements it replaced (0011_schedule). */
export interface MeetingScheduleRunsTable {
  id: Generated<number>;
  competition_id: number;
  run_by: number | null;
  run_at: Defaulted<string>;
  /** JSON array of the replaced meeting_placements rows. */
  previous: string;
  placed: number;
  unplaced: number;
  undone_at: string | null;
  undone_by: number | null;
}

/** A person's agenda as last e-mailed, as a digest (0011_schedule). */
export interface AgendaNoticesTable {
  competition_id: number;
  user_id: number;
  digest: string;
  notified_at: Defaulted<string>;
}

export interface MeetingOutcomesTable {
  request_id: number;
  side: RequestSide;
  held: number;
  kind: OutcomeKind;
  amount_wan: number | null;
  note: string | null;
  recorded_by: number | null;
  recorded_at: Defaulted<string>;
}

export interface PartnerDeckViewsTable {
  id: Generated<number>;
  partner_id: number;
  entry_id: number;
  user_id: number | null;
  deck_id: number | null;
  at: Defaulted<string>;
}

/** A partner file between its preview and its confirmation, then what it made (0012_partner_imports). */
export interface PartnerImportsTable {
  id: Generated<number>;
  competition_id: number;
  file_name: string;
  previewed_by: number | null;
  previewed_at: Defaulted<string>;
  /** JSON {header, rows: [{line, cells}]}: the file as read. */
  sheet: string;
  rows: number;
  imported_at: string | null;
  imported_by: number | null;
  /** JSON array of {partnerId, userId, newUser, row}. */
  created: Defaulted<string>;
  undone_at: string | null;
  undone_by: number | null;
}
