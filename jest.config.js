/** Unit and property tests run in Node; type-checking is `npm run typecheck` (tsc), so ts-jest only transpiles. */
const shared = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      { tsconfig: { isolatedModules: true, module: "commonjs", jsx: "react-jsx", esModuleInterop: true } },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};

module.exports = {
  projects: [
    { ...shared, displayName: "unit", testMatch: ["**/test/unit/**/*.test.ts", "**/test/unit/**/*.test.tsx"] },
    {
      // The Excel function cases again, called the way WPS 表格 calls the WPS add-in (test/unit/wps/wps-call.ts).
      ...shared,
      displayName: "wps-functions",
      testMatch: ["award", "inputs", "lookup", "readme-examples", "subsidies"].map(
        (name) => `**/test/unit/functions/${name}.test.ts`,
      ),
      moduleNameMapper: { "^\\./excel-call$": "<rootDir>/test/unit/wps/wps-call.ts" },
    },
  ],
};
