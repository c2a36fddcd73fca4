// Listed by hand, not read from the folder, so bundlers and tsx see the same set in the same order.
import type { Migration } from "kysely";
import * as m0001 from "./0001_initial";

export const migrations: Record<string, Migration> = {
  "0001_initial": m0001,
};
