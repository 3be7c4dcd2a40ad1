// Project lint config: office-addin-lint picks up ./eslint.config.mjs instead of its own.
// It starts from Microsoft's recommended Office add-in rules (Office.js load/sync checks, prettier)
// and adds what that preset lacks for this repo: .tsx files, React's JSX runtime, Node globals.
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

// The preset names its parser through a CommonJS default import that resolves to undefined, so set it here.
const [, , presetRules] = officeAddins.configs.recommended;
const officeRules = { ...presetRules, languageOptions: { ...presetRules.languageOptions, parser: tsParser } };

export default [
  { ignores: ["dist/**", "coverage/**", "test-results/**", "node_modules/**", "docs/**"] },
  ...officeAddins.configs.recommended.slice(0, 2),
  officeRules,
  // The preset's TypeScript/Office block only matches .ts/.js; apply it to .tsx as well.
  { ...officeRules, files: ["**/*.tsx"] },
  { ...react.configs.flat["jsx-runtime"], files: ["**/*.tsx"], settings: { react: { version: "19" } } },
  // The preset pins ecmaVersion 6; the code (and Node 20) is ES2022.
  { languageOptions: { ecmaVersion: 2022, globals: { ...globals.es2021 } } },
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    rules: {
      // The TypeScript compiler (npm run typecheck) resolves names and overloads better than ESLint.
      "no-undef": "off",
      "no-redeclare": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["scripts/**/*.{js,mjs,cjs}", "*.config.{js,mjs,cjs}", "test/**/*.{js,mjs,cjs}", "bin/**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  // The Office.js load/sync rules guess from property names; they only mean something where
  // Office.js is called — taskpane/excel/ (docs/architecture.md). Elsewhere (exceljs hosts,
  // Office doubles in tests) they report false positives.
  {
    files: ["**/*.{js,mjs,cjs,ts,tsx,mts,cts}"],
    ignores: ["taskpane/excel/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
    },
  },
];
