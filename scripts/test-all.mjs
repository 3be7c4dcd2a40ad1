/**
 * `npm test`: the whole suite, in the order a failure is cheapest to find.
 *   1. typecheck   tsc --noEmit
 *   2. lint        office-addin-lint check (ESLint + prettier; `npm run lint:fix` repairs formatting)
 *   3. unit        jest (test/unit: unit and property tests)
 *   4. build       webpack --mode production → dist/
 *      build-wps   webpack -c scripts/wps-build.cjs → dist-wps/ (the WPS 表格 add-in)
 *   5. validate    npm run validate: manifest.xml and dist/manifest.xml, offline (no Microsoft service)
 *   6. browser     jest -c jest.browser.config.js (the built add-ins in Chromium)
 * Every step runs even if an earlier one failed (except browser, which needs the build), so one
 * run reports everything. Without a usable Chromium the browser step is skipped LOUDLY — but
 * under CI=true that is a failure. The last line is `tests: N passed, N failed` (jest counts).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS = path.join(ROOT, "test-results");
const CI = process.env.CI === "true";

const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: process.env });
  return result.status === 0;
}

function jestCounts(file) {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    return { passed: report.numPassedTests, failed: report.numFailedTests + report.numRuntimeErrorTestSuites };
  } catch {
    return { passed: 0, failed: 1 }; // no report: jest itself failed
  }
}

async function chromiumProblem() {
  // XSG_CHROMIUM, when set, is the only candidate (also how to simulate a machine without one).
  const candidates = process.env.XSG_CHROMIUM
    ? [process.env.XSG_CHROMIUM]
    : ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  const executablePath = candidates.find((file) => fs.existsSync(file));
  if (!executablePath) return "no Chromium executable (apt-get install -y chromium, or set XSG_CHROMIUM)";
  try {
    const { chromium } = require("playwright-core");
    const args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];
    const browser = await chromium.launch({ executablePath, args, timeout: 60_000 });
    await browser.close();
    return null;
  } catch (error) {
    return `${executablePath} does not start: ${String(error.message).split("\n")[0]}`;
  }
}

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  console.error(`\n${"!".repeat(width)}`);
  for (const line of lines) console.error(`! ${line}`);
  console.error(`${"!".repeat(width)}\n`);
}

const steps = [];
const counts = { passed: 0, failed: 0 };

function step(name, action) {
  console.log(`\n━━ ${name} ━━`);
  const started = Date.now();
  const outcome = action(); // true | false | "skipped"
  steps.push({ name, outcome, seconds: (Date.now() - started) / 1000 });
  return outcome === true;
}

fs.mkdirSync(RESULTS, { recursive: true });

step("typecheck", () => run([bin("typescript", "bin/tsc"), "--noEmit", "-p", "."]));
step("lint", () => run([bin("office-addin-lint", "lib/cli.js"), "check", "--files", pkg.config.lint_files]));

step("unit", () => {
  const report = path.join(RESULTS, "jest-unit.json");
  fs.rmSync(report, { force: true });
  const ok = run([bin("jest", "bin/jest.js"), "--ci", "--json", `--outputFile=${report}`]);
  const c = jestCounts(report);
  counts.passed += c.passed;
  counts.failed += c.failed;
  return ok;
});

const built = step("build", () => run([bin("webpack-cli", "bin/cli.js"), "--mode", "production"]));
const builtWps = step("build-wps", () =>
  run([bin("webpack-cli", "bin/cli.js"), "--mode", "production", "-c", "scripts/wps-build.cjs"]),
);
step("validate", () => run(["-r", "./bin/register-ts.js", "scripts/validate-manifest.ts"]));

const problem = await chromiumProblem();
step("browser", () => {
  if (!built || !builtWps) {
    console.error("构建失败，跳过浏览器测试 / build failed: browser tests not run");
    counts.failed += 1;
    return false;
  }
  if (problem) {
    banner([
      "没有可用的 Chromium：浏览器测试未运行！ / NO USABLE CHROMIUM: BROWSER TESTS NOT RUN!",
      problem,
      CI ? "CI=true: this is a failure." : "Outside CI this is a skip, not a pass. Install chromium to run them.",
    ]);
    if (CI) counts.failed += 1;
    return CI ? false : "skipped";
  }
  const report = path.join(RESULTS, "jest-browser.json");
  fs.rmSync(report, { force: true });
  const ok = run([
    bin("jest", "bin/jest.js"),
    "-c",
    "jest.browser.config.js",
    "--ci",
    "--json",
    `--outputFile=${report}`,
  ]);
  const c = jestCounts(report);
  counts.passed += c.passed;
  counts.failed += c.failed;
  return ok;
});

console.log("\n━━ summary ━━");
for (const { name, outcome, seconds } of steps) {
  const label = outcome === true ? "ok" : outcome === "skipped" ? "SKIPPED" : "FAILED";
  console.log(`${name.padEnd(10)} ${label.padEnd(8)} ${seconds.toFixed(1)} s`);
}
const failed = steps.some((s) => s.outcome === false);
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(failed ? 1 : 0);
