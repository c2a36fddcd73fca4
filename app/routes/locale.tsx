// The language switch: remembers the choice in a cookie (and on a signed-in account), then goes back.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { redirectTarget } from "~/domain/account-schemas";
import { LOCALES } from "~/i18n/config";
import { localeCookie } from "~/i18n/locale.server";

const schema = z.object({
  locale: z.enum(LOCALES),
  // Only same-site paths: an open redirect here would turn the switch into a phishing aid.
  redirectTo: redirectTarget,
});

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return new Response("Unsupported locale", { status: 400 });
  // Signed in: the account remembers it too, so e-mails go out in the language chosen.
  await context.services.auth.chooseLocale(request, parsed.data.locale);
  return redirect(parsed.data.redirectTo, {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}

export const loader = () => redirect("/");
