// English messages of the judge's scoring sheet for a day of scoring. Merged into `en` as `sheet` (see en.ts).
export const enSheet = {
  title: "Score sheet",
};
