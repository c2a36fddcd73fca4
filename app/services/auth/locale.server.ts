// The interface language a person chose, kept on their account so messages go out in it.
import type { Locale } from "../../../db/schema";
import type { AuthDeps } from "./deps.server";
import { currentUser } from "./sessions.server";

/**
 * The language switch, for whoever is asking: a signed-in user's choice is stored on the account
 * (users.locale); an anonymous visitor's lives only in the cookie. Returns whether it was stored.
 */
export async function chooseLocale(deps: AuthDeps, request: Request, locale: Locale): Promise<boolean> {
  const user = await currentUser(deps, request);
  if (!user) return false;
  if (user.locale !== locale) await deps.db.updateTable("users").set({ locale }).where("id", "=", user.id).execute();
  return true;
}
