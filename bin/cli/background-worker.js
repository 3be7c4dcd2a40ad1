/**
 * The command line's second thread (see background.ts): checks XML parts and deflates the output
 * sheet while the main thread fills and writes. Jobs arrive on one port and are done in order;
 * every answer is posted back, then counted in the shared signal so a main thread waiting with
 * Atomics.wait wakes up.
 */
"use strict";
const { workerData } = require("worker_threads");

const { port, signal } = workerData;
// [0]: answers posted so far; [1]: 1 once the thread has ended (a waiting main thread stops waiting),
// set up first so that even a failure to load what follows ends the wait at once; [2]: pieces
// deflated so far (the main thread stops sending when too many wait here).
const answered = new Int32Array(signal);
process.on("exit", () => {
  Atomics.store(answered, 1, 1);
  for (const slot of [0, 2]) {
    Atomics.add(answered, slot, 1);
    Atomics.notify(answered, slot);
  }
});

const zlib = require("zlib");
const v8 = require("v8");
const vm = require("vm");
require("../register-ts");
const { xmlProblem } = require("../../taskpane/file/xlsx/well-formed.ts");
/** Deflated pieces of each open deflate job; a job whose piece failed keeps its error for the finish. */
const pieces = new Map();
const failed = new Map();

/**
 * A full collection of this thread's heap, so the checked sheet's text and bytes (≈ 150 MB for
 * 100k rows) are given back now rather than kept through the rest of the run: this thread
 * allocates little afterwards, so V8 would not collect them on its own.
 */
const collectGarbage = (() => {
  try {
    v8.setFlagsFromString("--expose-gc");
    return vm.runInNewContext("gc");
  } catch {
    return () => {};
  }
})();

function reply(message, transfer) {
  port.postMessage(message, transfer);
  Atomics.add(answered, 0, 1);
  Atomics.notify(answered, 0);
}

/**
 * One piece of a raw deflate stream: every piece but the last ends on a byte boundary (a sync flush)
 * without the final-block bit, so the pieces joined are one stream (as pigz does).
 */
function deflatePiece(bytes, level, last) {
  return zlib.deflateRawSync(bytes, {
    level,
    finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH,
  });
}

function handle(job) {
  switch (job.type) {
    case "check": {
      // The bytes the main thread decoded the part from, decoded the same way (strict UTF-8).
      const problem = xmlProblem(new TextDecoder("utf-8", { fatal: true }).decode(job.bytes));
      reply({ id: job.id, problem });
      collectGarbage();
      return;
    }
    case "push": {
      try {
        if (failed.has(job.id)) return;
        const list = pieces.get(job.id) ?? [];
        list.push(deflatePiece(job.bytes, job.level, false));
        pieces.set(job.id, list);
      } finally {
        Atomics.add(answered, 2, 1);
        Atomics.notify(answered, 2);
      }
      return;
    }
    case "finish": {
      const list = pieces.get(job.id) ?? [];
      pieces.delete(job.id);
      if (failed.has(job.id)) {
        reply({ id: job.id, error: failed.get(job.id) });
        failed.delete(job.id);
        return;
      }
      list.push(deflatePiece(job.bytes, job.level, true));
      // A fresh buffer of its own: Node's small buffers share a pool that must not be transferred.
      const raw = new Uint8Array(list.reduce((n, piece) => n + piece.length, 0));
      let at = 0;
      for (const piece of list) {
        raw.set(piece, at);
        at += piece.length;
      }
      reply({ id: job.id, raw }, [raw.buffer]);
      return;
    }
    default:
      throw new Error(`unknown job ${job.type}`);
  }
}

port.on("message", (job) => {
  try {
    handle(job);
  } catch (error) {
    const message = String((error && error.message) || error);
    pieces.delete(job.id);
    // A failed piece is answered when its job finishes (the main thread waits for that answer only).
    if (job.type === "push") failed.set(job.id, message);
    else reply({ id: job.id, error: message });
  }
});
