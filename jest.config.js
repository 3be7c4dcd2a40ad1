/** Unit and property tests run in Node; type-checking is `npm run typecheck` (tsc), so ts-jest only transpiles. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/test/unit/**/*.test.ts", "**/test/unit/**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { isolatedModules: true, module: "commonjs", jsx: "react-jsx", esModuleInterop: true } }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
};
