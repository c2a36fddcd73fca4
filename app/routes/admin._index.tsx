// The organizer's start: the rounds of the edition.
import { redirect } from "@remix-run/node";

export const loader = () => redirect("/admin/rounds");
