// Preloaded into the `xsg fill` child the bench runs (node -r): reports the process's peak
// resident memory on exit, on stderr, for bench/file.ts to read (Linux and macOS report maxRSS).
/* global process */
"use strict";
process.on("exit", () => {
  process.stderr.write(`\nXSG_PEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
