// The judge's invitation: who invites them, their account, and the single-use link to choose a password.
import type { EmailContent } from "../render.server";
import type { Words } from "./words.server";

export type InvitationFacts = { name: string; email: string; path: string; expiresAt: string };

export function judgeInvitation(w: Words, facts: InvitationFacts): EmailContent {
  return {
    subject: w.t("messages.invitation.subject"),
    heading: w.t("messages.invitation.heading", { name: facts.name }),
    paragraphs: [
      w.t("messages.invitation.body", { competition: w.competition, email: facts.email }),
      w.t("messages.invitation.steps"),
    ],
    action: { label: w.t("messages.invitation.action"), url: w.link(facts.path) },
    note: w.t("messages.invitation.note", { expires: w.date(facts.expiresAt) }),
  };
}
