#!/usr/bin/env node
/**
 * `npm run bench` entry: registers the TypeScript require hook, then runs bench/main.ts.
 * Run it with --expose-gc (the npm script does) so the heap figures start from a collected heap.
 *
 *   node --expose-gc bench/run.cjs                 all sections (needs `npm run build` first)
 *   node --expose-gc bench/run.cjs --quick         small sizes, a smoke check of the bench itself
 *   node --expose-gc bench/run.cjs --only core,scaling --runs 7
 *   node --expose-gc bench/run.cjs --help
 */
/* global require, process, console */
"use strict";
require("./register-ts.cjs");
require("./main.ts")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    // The stack only: an error inside the minified bundle would otherwise print its whole source line.
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  });
