import { redirect, type ActionFunctionArgs } from "@remix-run/node";

export async function action({ request, context }: ActionFunctionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await context.services.auth.endSession(request) } });
}

export const loader = () => redirect("/");
