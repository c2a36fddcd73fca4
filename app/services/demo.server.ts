// The demo accounts that exist in this database, for the start banner.
import type { Db } from "../../db/client";
import { DEMO_ACCOUNTS } from "../../db/seed/demo-accounts";

export function createDemoService(db: Db) {
  return {
    /** The demo sign-ins that exist in this database, for the start banner. */
    async accounts() {
      const emails = DEMO_ACCOUNTS.map((a) => a.email);
      const present = await db.selectFrom("users").where("email", "in", emails).select("email").execute();
      const found = new Set(present.map((p) => p.email));
      return DEMO_ACCOUNTS.filter((a) => found.has(a.email));
    },
  };
}
