// English messages of the messages people receive (invitations, reminders, receipts, outcomes) and the pages that send them. Merged into `en` as `messages` (see en.ts).
export const enMessages = {
  title: "Messages",
};
