/**
 * `npm run validate [manifest.xml …]`: the offline manifest check (Microsoft's online validator,
 * `office-addin-manifest validate`, needs a web service an intranet cannot reach). Checks the
 * schema shape and order, ids, https URLs, string lengths, requirement sets, that every resid
 * resolves, the shared runtime, and the files it names: icons are read and their PNG size compared.
 *
 * Without arguments: manifest.xml (its files from the repository: assets/ are copied as they are)
 * and, when a build exists, dist/manifest.xml against dist/. Exit code 1 on any problem.
 */
import fs from "fs";
import path from "path";
import * as layout from "./addin-layout.cjs";
import { baseUrlOf, inspectManifest, inspectManifestFiles } from "./manifest/validate";

interface Target {
  manifest: string;
  /** Where the files the manifest names are found (relative paths under its base URL). */
  root: string;
  /** Files the build emits that are not in the repository (the repository manifest only). */
  built?: ReadonlySet<string>;
}

function targets(args: string[]): Target[] {
  if (args.length)
    return args.map((file) => ({ manifest: path.resolve(file), root: path.dirname(path.resolve(file)) }));
  const list: Target[] = [
    {
      manifest: path.join(layout.ROOT, "manifest.xml"),
      root: layout.ROOT,
      built: new Set(layout.declaredOutputs().filter((file) => !file.startsWith(`${layout.ASSETS_DIR}/`))),
    },
  ];
  const dist = path.join(layout.ROOT, "dist", "manifest.xml");
  if (fs.existsSync(dist)) list.push({ manifest: dist, root: path.dirname(dist) });
  return list;
}

function check(target: Target): string[] {
  const { facts, problems } = inspectManifest(fs.readFileSync(target.manifest, "utf8"));
  if (problems.length) return problems;
  const readFile = (file: string): Buffer | null => {
    const full = path.resolve(target.root, file);
    if (full.startsWith(target.root + path.sep) && fs.existsSync(full) && fs.statSync(full).isFile()) {
      return fs.readFileSync(full);
    }
    // A build output named by the repository's manifest: it exists once built.
    return target.built?.has(file) ? Buffer.alloc(0) : null;
  };
  return inspectManifestFiles(facts, baseUrlOf(facts), readFile);
}

let failed = false;
for (const target of targets(process.argv.slice(2))) {
  const shown = path.relative(process.cwd(), target.manifest) || target.manifest;
  const problems = check(target);
  if (problems.length === 0) {
    console.log(`✓ ${shown}: 清单有效 / manifest is valid`);
    continue;
  }
  failed = true;
  console.error(`✗ ${shown}: ${problems.length} 个问题 / problem(s):`);
  for (const problem of problems) console.error(`  - ${problem}`);
}
process.exit(failed ? 1 : 0);
