#!/usr/bin/env node
/**
 * Launcher of the XSG command line (`npx xsg …`, package.json "bin"). The CLI is TypeScript
 * (bin/xsg.ts) sharing the add-in's policy core and fill engine; register-ts.js transpiles it on
 * first use (cached in node_modules/.cache/xsg-ts), so it needs `npm install` / `npm ci` but no
 * build step and no ts-node.
 */
"use strict";
require("./register-ts");

// Ctrl-C or SIGTERM while the output is written: exit 2, leaving no temporary file behind.
require("./cli/write-output.ts").catchInterruptsWhileWriting((completedOutput) => {
  const { cliStrings, say } = require("./cli/strings.ts");
  const strings = cliStrings();
  const message = completedOutput ? say(strings.interruptedAfterWrite, { file: completedOutput }) : strings.interrupted;
  process.stderr.write(`\n${message}\n`);
});

require("./xsg.ts")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`XSG 内部错误 / internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  });
