/**
 * Real-browser tests: the BUILT add-in (run `npm run build` first) in Debian's Chromium via
 * playwright-core. One file at a time (one Chromium, 2-core machines), generous timeouts.
 * `npm test` runs these after the build; `npm run test:browser` runs them alone.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/test/browser/**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", esModuleInterop: true, isolatedModules: true } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  maxWorkers: 1,
  testTimeout: 120_000,
  slowTestThreshold: 30,
};
