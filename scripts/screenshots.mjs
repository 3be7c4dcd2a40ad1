/**
 * `npm run screenshots`: rebuild and run the browser tests (which take the screenshots), writing
 * them to docs/images/ (the README's pictures). `npm test` writes them to test-results/screenshots/
 * instead, so a test run never changes tracked files.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
const env = { ...process.env, XSG_SCREENSHOT_DIR: path.join("docs", "images") };

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run([bin("webpack-cli", "bin/cli.js"), "--mode", "production"]);
run([bin("jest", "bin/jest.js"), "-c", "jest.browser.config.js"]);
