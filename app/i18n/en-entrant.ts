// English messages of the entrant's path: confirmation after submitting, registering, ranks and group hints. Merged into `en` as `entrant` (see en.ts).
export const enEntrant = {
  title: "Your entry",
};
