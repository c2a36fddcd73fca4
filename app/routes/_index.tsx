import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

export async function loader({ context }: LoaderFunctionArgs) {
  const competition = await context.services.competitions.latest();
  if (!competition) throw new Response("No competition yet", { status: 404 });
  return redirect(`/c/${competition.slug}`);
}
