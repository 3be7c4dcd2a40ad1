/**
 * How both builds (webpack.config.js for Excel, scripts/wps-build.cjs for WPS) resolve and
 * transpile the project's TypeScript, written once. Type-checking is `npm run typecheck`.
 */
"use strict";

/** .js imports resolve to the .ts/.tsx sources. */
const resolve = {
  extensions: [".ts", ".tsx", ".js", ".json"],
  extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
};

/** ts-loader, transpile only; `compilerOptions` add to ES modules out (e.g. a target, source maps). */
function typescriptRule(compilerOptions = {}) {
  return {
    test: /\.tsx?$/,
    exclude: /node_modules/,
    use: {
      loader: "ts-loader",
      options: {
        transpileOnly: true,
        compilerOptions: { noEmit: false, module: "esnext", ...compilerOptions },
      },
    },
  };
}

module.exports = { resolve, typescriptRule };
