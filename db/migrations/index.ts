// Listed by hand, not read from the folder, so bundlers and tsx see the same set in the same order.
import type { Migration } from "kysely";
import * as m0001 from "./0001_initial";
import * as m0002 from "./0002_entrant_feedback";
import * as m0003 from "./0003_judging";
import * as m0004 from "./0004_live";
import * as m0005 from "./0005_sessions";
import * as m0006 from "./0006_round_kind";
import * as m0007 from "./0007_editions";
import * as m0008 from "./0008_messages";
import * as m0009 from "./0009_live_stage";
import * as m0010 from "./0010_follow_on";
import * as m0011 from "./0011_schedule";
import * as m0012 from "./0012_partner_imports";
import * as m0013 from "./0013_score_totals";
import * as m0014 from "./0014_public_data_version";

export const migrations: Record<string, Migration> = {
  "0001_initial": m0001,
  "0002_entrant_feedback": m0002,
  "0003_judging": m0003,
  "0004_live": m0004,
  "0005_sessions": m0005,
  "0006_round_kind": m0006,
  "0007_editions": m0007,
  "0008_messages": m0008,
  "0009_live_stage": m0009,
  "0010_follow_on": m0010,
  "0011_schedule": m0011,
  "0012_partner_imports": m0012,
  "0013_score_totals": m0013,
  "0014_public_data_version": m0014,
};
