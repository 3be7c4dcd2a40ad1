/**
 * The WPS add-in adds files; it must not change what the Excel build bundles. The Excel entries
 * (scripts/addin-layout.cjs, what webpack.config.js builds) must not reach any WPS module
 * through their imports, so their bundles are byte-for-byte what they were.
 */
import fs from "node:fs";
import path from "node:path";
import * as layout from "../../../scripts/addin-layout.cjs";

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null; // a package
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")];
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile()) ?? null;
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) return;
    for (const m of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = resolveLocal(file, m[1] ?? m[2]);
      if (target) visit(target);
    }
  };
  visit(entry);
  return seen;
}

test("no Excel entry imports WPS code", () => {
  const wpsFiles = [/[\\/]taskpane[\\/]wps[\\/]/, /[\\/]functions[\\/](wps|cv-errors)\.ts$/];
  const entries = Object.values(layout.ENTRIES).map((e) => path.join(layout.ROOT, e.import));
  expect(entries.length).toBeGreaterThanOrEqual(3);
  for (const entry of entries) {
    const files = [...reachable(entry)];
    expect(files.length).toBeGreaterThan(5); // the walk follows imports
    expect(files.filter((f) => wpsFiles.some((re) => re.test(f)))).toEqual([]);
  }
});

test("the walk would see WPS code if an Excel entry imported it", () => {
  const files = [...reachable(path.join(layout.ROOT, "taskpane/wps/taskpane.tsx"))];
  expect(files.some((f) => f.endsWith(path.join("taskpane", "wps", "wps-fill-host.ts")))).toBe(true);
  expect(files.some((f) => f.endsWith(path.join("taskpane", "App.tsx")))).toBe(true);
});
