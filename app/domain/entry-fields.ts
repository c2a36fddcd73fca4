// The fields an entrant or an organizer fills in for an entry, named as their database columns and
// in the order pages, files and histories list them: one list for the import's columns and the
// history's fields.
export const ENTRY_CONTENT_FIELDS = [
  "group",
  "track",
  "title_zh",
  "title_en",
  "summary_zh",
  "summary_en",
  "organization",
  "country",
  "city",
  "website",
  "contact_name",
  "contact_email",
  "team",
] as const;
export type EntryContentField = (typeof ENTRY_CONTENT_FIELDS)[number];
