import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", "data/**", "coverage/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": ["error", { ignoreRestArgs: true }],
      "no-console": ["error", { allow: ["error", "warn"] }],
    },
  },
  {
    // A file a reader can hold, a function that does one thing (docs/decisions/0013).
    files: ["**/*.{ts,tsx}"],
    rules: {
      "max-lines": ["error", { max: 400, skipBlankLines: true, skipComments: true }],
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // React components read top to bottom as their markup; the per-function limit is for logic.
    files: ["app/routes/**/*.tsx", "app/components/**/*.tsx", "app/root.tsx"],
    rules: { "max-lines-per-function": "off" },
  },
  {
    // A test file is a suite of cases inside describe(): the file limit holds, the function one cannot.
    files: ["tests/**/*.ts", "bench/**/*.ts"],
    rules: { "max-lines-per-function": "off" },
  },
  {
    // The seed's vocabulary is data: names, titles and organisations in two languages.
    files: ["db/seed/vocabulary.ts"],
    rules: { "max-lines": "off" },
  },
  {
    // Migrations are frozen against Kysely<any> on purpose: they must not depend on today's types.
    files: ["db/migrations/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "max-lines": "off", "max-lines-per-function": "off" },
  },
  {
    files: ["bench/**/*.ts", "db/cli/**/*.ts", "tests/**/*.ts"],
    rules: { "no-console": "off" },
  },
  {
    // Examples for partners: plain Node scripts that print what they receive.
    files: ["docs/examples/**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
);
