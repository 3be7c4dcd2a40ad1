/**
 * A second thread for the command line's long byte work: the well-formedness check of a sheet the
 * fill may rewrite starts as soon as the sheet is read and runs while the fill goes on, and the
 * output sheet is deflated piece by piece while the main thread is still writing its XML. On a
 * 100k-row fill that takes about 0.8 s of work off the main thread (2 cores); the answers are the
 * same as in place.
 *
 * The main thread stays synchronous (the save is a plain generator): it waits for an answer with
 * Atomics.wait and takes it with receiveMessageOnPort. If the thread cannot be started or ends,
 * the check runs in place; a deflate in progress fails with an error (its pieces were handed over).
 */
import * as path from "path";
import * as zlib from "zlib";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "worker_threads";
import { concatBytes, type ByteSink } from "../../taskpane/file/xlsx/codec";
import { xmlProblem } from "../../taskpane/file/xlsx/well-formed";

interface Answer {
  readonly id: number;
  readonly problem?: string | null;
  readonly raw?: Uint8Array;
  readonly error?: string;
}

/** Data below this is deflated in place (small parts); above it goes in pieces of at least this size. */
const PIECE_BYTES = 1 << 20;
/** A wait without any answer for this long means the thread is gone (a check of the largest part accepted takes seconds). */
const SILENCE_MS = 300_000;
/** Pieces sent but not yet deflated, at most: beyond that the main thread waits (bounded memory). */
const MAX_PIECES_WAITING = 16;
const ANSWERED = 0;
const ENDED = 1;
const PIECES_DONE = 2;

class BackgroundThread {
  private readonly port: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(12));
  private piecesSent = 0;
  private readonly answers = new Map<number, Answer>();
  private nextId = 1;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(path.join(__dirname, "background-worker.js"), {
      workerData: { port: port2, signal: this.signal.buffer },
      transferList: [port2],
    });
    // Neither keeps the process alive: a run that ends never waits for a check nobody asked for.
    worker.unref();
    port1.unref();
    this.port = port1;
  }

  post(job: Record<string, unknown>, transfer: ArrayBuffer[] = []): number {
    const id = (job.id as number | undefined) ?? this.nextId++;
    this.port.postMessage({ ...job, id }, transfer);
    return id;
  }

  /** A piece of a deflate job, sent once fewer than MAX_PIECES_WAITING wait on the thread. */
  postPiece(job: Record<string, unknown>, bytes: Uint8Array): number {
    for (;;) {
      const done = Atomics.load(this.signal, PIECES_DONE);
      if (this.piecesSent - done < MAX_PIECES_WAITING || Atomics.load(this.signal, ENDED) === 1) break;
      if (Atomics.wait(this.signal, PIECES_DONE, done, SILENCE_MS) === "timed-out") throw new Error("后台线程无响应");
    }
    this.piecesSent++;
    return this.post({ ...job, bytes }, [bytes.buffer as ArrayBuffer]);
  }

  /** The answer to job `id`, waiting for it. Throws when the thread has ended or stays silent. */
  wait(id: number): Answer {
    for (;;) {
      const seen = Atomics.load(this.signal, ANSWERED);
      for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
        const answer = message.message as Answer;
        this.answers.set(answer.id, answer);
      }
      const answer = this.answers.get(id);
      if (answer) {
        this.answers.delete(id);
        return answer;
      }
      if (Atomics.load(this.signal, ENDED) === 1) throw new Error("后台线程已结束");
      if (Atomics.wait(this.signal, ANSWERED, seen, SILENCE_MS) === "timed-out") throw new Error("后台线程无响应");
    }
  }
}

let thread: BackgroundThread | null | undefined;

/** The process's background thread, started on first use; null where threads are unavailable. */
function background(): BackgroundThread | null {
  if (thread === undefined) {
    try {
      thread = new BackgroundThread();
    } catch {
      thread = null;
    }
  }
  return thread;
}

/**
 * xmlProblem(xml), worked out on the background thread from now on, from `utf8` — the bytes `xml`
 * was decoded from, which move there (a view of a larger buffer is copied); the function gives the answer.
 */
export function checkXmlInBackground(xml: string, utf8: Uint8Array): () => string | null {
  const worker = background();
  let id: number;
  try {
    if (!worker) throw new Error("no thread");
    // A copy of its own unless it is one already (a Node Buffer's slice() would share, and moving a
    // view would empty the buffer it views — the input file's bytes, for a part stored uncompressed).
    const bytes = ownsBuffer(utf8) ? utf8 : new Uint8Array(utf8);
    id = worker.post({ type: "check", bytes }, [bytes.buffer as ArrayBuffer]);
  } catch {
    return () => xmlProblem(xml);
  }
  let problem: string | null | undefined;
  return () => {
    if (problem === undefined) {
      try {
        const answer = worker.wait(id);
        problem = answer.error === undefined ? (answer.problem ?? null) : xmlProblem(xml);
      } catch {
        problem = xmlProblem(xml);
      }
    }
    return problem;
  };
}

/** A chunk whose whole ArrayBuffer it is (TextEncoder's output) can move to the thread without a copy. */
function ownsBuffer(chunk: Uint8Array): boolean {
  return chunk.byteOffset === 0 && chunk.buffer instanceof ArrayBuffer && chunk.byteLength === chunk.buffer.byteLength;
}

/**
 * Raw deflate at `level`, done on the background thread in pieces of a megabyte or more as they are
 * pushed (a pushed chunk is handed over: the caller does not use it afterwards). Data under a
 * megabyte in all is deflated in place.
 */
export function backgroundDeflater(level: number): ByteSink {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let id: number | null = null;
  let worker: BackgroundThread | null = null;
  const send = (last: boolean): void => {
    const piece = concatBytes(pending, pendingBytes);
    const bytes = ownsBuffer(piece) ? piece : new Uint8Array(piece);
    pending = [];
    pendingBytes = 0;
    const job = { id: id ?? undefined, level };
    id = last
      ? worker!.post({ ...job, type: "finish", bytes }, [bytes.buffer as ArrayBuffer])
      : worker!.postPiece({ ...job, type: "push" }, bytes);
  };
  return {
    push(chunk) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < PIECE_BYTES) return;
      worker ??= background();
      if (worker) send(false);
    },
    finish() {
      if (id === null) {
        const data = concatBytes(pending, pendingBytes);
        const raw = zlib.deflateRawSync(data, { level });
        return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      }
      send(true);
      const answer = worker!.wait(id);
      if (answer.error !== undefined || !answer.raw) throw new Error(`压缩失败：${answer.error ?? "无结果"}`);
      return answer.raw;
    },
  };
}
