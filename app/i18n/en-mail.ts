// English messages of the outbox, the e-mail frame and password resets. Merged into `en` as `mail` (see en.ts).
export const enMail = {
  title: "Outbox",
  frame: {
    fallbackSender: "Frontier",
    footer: "Sent by {{competition}} through Frontier. Replies to this address are not read.",
  },
};
