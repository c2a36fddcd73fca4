// English messages of the interface languages and the language switch. Merged into `en` as `languages` (see en.ts).
export const enLanguages = {
  title: "Language",
  switchTo: "Show the pages in {{language}}",
};
