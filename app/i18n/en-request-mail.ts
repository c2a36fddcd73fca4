// English words of the meeting-request e-mails (app/services/follow-on/request-mail.server.ts):
// a request received, and a request accepted or declined. Merged into `en` as `requestMail` (see en.ts).
export const enRequestMail = {
  received: {
    subject: "Meeting request from {{from}}",
    heading: "{{from}} would like to meet you",
    body: {
      partner: "{{from}} asks to meet the team of {{to}} at the competition's follow-on forum.",
      entry: "The team of {{from}} asks to meet {{to}} at the competition's follow-on forum.",
    },
    message: "Their message: {{message}}",
    action: "Answer the request",
    note: "Accept or decline on the page the link opens. A meeting exists once both sides have agreed; the organizers then place it in the forum's schedule.",
  },
  answered: {
    subject: {
      accepted: "{{by}} accepted your meeting request",
      declined: "{{by}} declined your meeting request",
    },
    body: {
      accepted:
        "{{by}} accepted the meeting {{to}} asked for. The organizers will place it in the forum's schedule, and you will get the day, time and table in your agenda.",
      declined: "{{by}} declined the meeting {{to}} asked for. You may ask other partners or entries that fit you.",
    },
    action: "See your requests",
  },
};
