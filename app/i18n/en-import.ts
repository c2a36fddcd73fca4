// English messages of the entry import (/admin/entries/import, its template and its download)
// and of the claim links it can make (/claim/:token). Merged into `en` as `import` and `claim`.
export const enImport = {
  title: "Import entries",
  intro:
    "Upload a CSV or Excel (.xlsx) file with one entry per row. First check it: nothing is stored until you import, and an import stores every row or none.",
  columns:
    "Columns (first row): {{columns}}. The team column lists members as Name|Role|e-mail, separated by semicolons; when empty, the contact person leads the team.",
  forgiving:
    "Group, track and country may be given by code or by name, in English or Chinese (“EU”, “Europe”, “欧洲赛区”; “DE”, “Germany”, “德国”). Rows whose first cell starts with # are notes and are skipped.",
  template: "Template with this edition's codes:",
  templateCsv: "CSV template",
  templateXlsx: "Excel template",
  file: "File (CSV or .xlsx, at most 10 MB)",
  check: "Check the file",
  run: "Import the good rows",
  runAll: "Import all rows",
  invite: "Make a claim link for each new entry, so its contact person can take it over as its entrant",
  inviteHelp:
    "Each link works once, for 30 days, and only for an account with the entry's contact e-mail. E-mails are not sent yet: download the links below and send them yourself.",
  summary: "{{rows}} rows read: {{good}} can be imported, {{bad}} have problems.",
  plan_one: "Importing this file creates {{count}} entry:",
  plan_other: "Importing this file creates {{count}} entries:",
  planLine: "{{group}} · {{track}}: {{count}}",
  notAllGood:
    "Nothing was imported: an import stores every row or none. Fix the rows listed below and import the file again.",
  imported_one: "Imported {{count}} entry.",
  imported_other: "Imported {{count}} entries.",
  createdTitle: "The new entries and their codes",
  download: "Download:",
  downloadCsv: "CSV",
  downloadXlsx: "Excel",
  code: "Code",
  entryTitle: "Title",
  contactEmail: "Contact e-mail",
  claimLink: "Claim link",
  claimed: "claimed",
  claimUntil: "Claim links work until {{date}} (once each).",
  emailLater:
    "Frontier does not send these e-mails yet: send each contact person their link yourself (the download lists them).",
  row: "Row",
  column: "Column",
  problem: "Problem",
  noProblems: "No problems found.",
  forbidden: "Only an organizer may import entries.",
  batchNotFound: "No import by that name in this edition.",
  unreadable: "This file cannot be read as CSV or Excel.",
  empty: "The file has no rows.",
  tooManyRows: "The file has too many rows (at most 20,000).",
  missingColumns:
    "The first row must name the columns: group, track, organization, country, contact_name, contact_email.",
  missingColumnsNamed:
    "Line {{line}} (the header row) lacks the columns {{missing}}. It has: {{found}}. The template names every column.",
  repeatedColumn: "Line {{line}} (the header row) names the column {{column}} twice.",
  noFile: "Please choose a file.",
  tooLarge: "The file is larger than 10 MB.",
  tooManyColumns: "The file has too many columns (at most 64).",
  tooManyCells: "The file has too many filled cells (at most 400,000).",
  unpackedTooLarge: "This Excel file is too large once unpacked (at most 150 MB): save it as CSV or split it.",
  tooSlow: "Reading this file took too long (more than 30 seconds). Split it into smaller files.",
  tooMuchMemory: "Reading this file needs too much memory. Split it into smaller files or save it as CSV.",
  quoteNotClosed:
    'Line {{line}}: a cell opens a quote (") here that is never closed, so the rest of the file would run into it. Add the closing quote.',
  quoteInCell: "Line {{line}}: a quoted cell is followed by more text before the next comma. Check the quotes there.",
  encodingGbk:
    "Line {{line}} is not UTF-8 text: the file seems to be saved in GBK (Chinese Windows). In Excel use “Save as → CSV UTF-8 (comma delimited)”, or upload the .xlsx itself.",
  encodingOther:
    "Line {{line}} is not UTF-8 text: the file was saved in another encoding. In Excel use “Save as → CSV UTF-8 (comma delimited)”, or upload the .xlsx itself.",
  utf16WithoutMark:
    "This file is UTF-16 text without the mark that says so. Save it as “CSV UTF-8 (comma delimited)”, or upload the .xlsx itself.",
  oldExcel:
    "This is an old Excel file (.xls) or a workbook locked with a password. Save it as .xlsx without a password, or as CSV UTF-8.",
  notXlsx:
    "This file is named like an Excel workbook but is not one. If it is a CSV, name it .csv; otherwise open it in Excel and save it as .xlsx.",
  notWorkbook: "This file is a zip archive but not an Excel workbook: it holds no worksheet.",
  unknownGroup: "No group of this edition is called “{{value}}”.",
  unknownTrack: "No track of this edition is called “{{value}}”.",
  unknownCountry: "“{{value}}” is not a country or region we know (use its ISO code, e.g. DE, or its name).",
  ambiguousGroup: "“{{value}}” could be more than one group.",
  ambiguousTrack: "“{{value}}” could be more than one track.",
  ambiguousCountry: "“{{value}}” could be more than one country or region.",
  hintClose: "Did you mean: {{list}}?",
  hintAll: "Accepted: {{list}}.",
  hintEither: "Say which: {{list}}.",
  exampleRow: "This is the template's example row: delete it before importing.",
  teamFormat: "Team members are written as Name|Role|e-mail, separated by semicolons.",
  duplicateInFile: "The same title and organization appear earlier in this file (row {{value}}).",
  duplicateExisting: "An entry with this title and organization already exists.",
  duplicateEmailInFile: "This contact e-mail appears earlier in this file (row {{value}}).",
  duplicateEmailExisting: "An entry with this contact e-mail already exists.",
  files: {
    noteStart:
      "Fill in one entry per row below the header (row 1), from row 2. Keep the header as it is. Required: group, track, a title (title_zh or title_en), organization, country, contact_name, contact_email.",
    noteNames:
      "group, track and country take a code or a name in English or Chinese, as listed with the codes (country: ISO code such as DE, or a name such as Germany / 德国).",
    noteTeam:
      "team: members as Name|Role|e-mail, separated by semicolons (e-mail optional); empty: the contact person leads the team.",
    noteExample: "Row 2 is an example: replace it or delete it (it is not imported as it is).",
    noteSkipped: "Rows whose first cell starts with # are notes: the import skips them.",
    codesHeading: "Accepted codes",
    eligible: "who may enter (countries)",
    codesSheet: "codes",
    notesSheet: "read me",
    createdSheet: "imported",
  },
};

export const enClaim = {
  title: "Claim your entry",
  intro: "{{organization}} was registered with “{{title}}” ({{code}}). Claim it to follow it and keep it up to date.",
  forEmail: "This link is for {{email}}. It works once, until {{date}}.",
  signUpTitle: "New here? Create your account",
  signUpHelp: "Your account uses {{email}}. Choose your name and a password.",
  signUpAndClaim: "Create the account and claim the entry",
  signInTitle: "Already have an account with {{email}}?",
  signIn: "Sign in, then claim",
  claim: "Claim this entry",
  signedInAs: "You are signed in as {{email}}.",
  otherEmail:
    "You are signed in as another account. This link is for {{email}}: sign out, then sign in or sign up with that address.",
  signOut: "Sign out",
  invalid:
    "This claim link does not work: it was used already, it has expired, or the entry changed since. Ask the organizers for a new one.",
  done: "The entry is yours.",
};
