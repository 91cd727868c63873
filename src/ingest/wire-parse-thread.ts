import { Worker } from "node:worker_threads";
import { NewsdeskError } from "../domain/error-catalogue.js";
import type {
  WireDocumentParser,
  WireParseRequest,
  WireParseResult,
} from "../domain/wire/wire-document-parser.js";
import type { WireErrorCode } from "../domain/wire/wire-errors.js";
import { parseWireDocument } from "./wire-parser.js";

export interface WireParseThreadOptions {
  /**
   * Files up to this size are parsed on the calling thread: with the HTML, JSON and XML
   * limits in place a hostile 64 KiB file converts in a few milliseconds, less than the
   * round trip to the worker. Larger files go to the worker.
   */
  readonly inlineMaxBytes?: number;
  /** Wall-clock limit for one file in the worker; past it the worker is terminated. */
  readonly timeLimitMs?: number;
  /** The worker's heap; a file that needs more is refused, the server keeps running. */
  readonly maxHeapMb?: number;
}

type WorkerAnswer =
  | Extract<WireParseResult, { ok: true }>
  | { ok: false; error: { code: WireErrorCode; detail: string } };

interface Job {
  readonly input: WireParseRequest;
  readonly resolve: (outcome: WireParseResult) => void;
}

/**
 * Parses wire files off the event loop (no single file may hold it for more than 100 ms). One long-lived worker thread takes one file at a time, in arrival
 * order; a file that runs past `timeLimitMs` or out of heap ends that worker (a CPU-bound
 * parse cannot be interrupted any other way), is refused as WIRE_TOO_DEEP, and the next
 * file starts a fresh worker. The worker is unreferenced while idle, so it never keeps
 * the process alive.
 */
export class WireParseThread implements WireDocumentParser {
  readonly #inlineMaxBytes: number;
  readonly #timeLimitMs: number;
  readonly #maxHeapMb: number;
  readonly #queue: Job[] = [];
  #worker: Worker | undefined;
  #busy = false;
  #closed = false;

  constructor(options: WireParseThreadOptions = {}) {
    this.#inlineMaxBytes = options.inlineMaxBytes ?? 64 * 1024;
    this.#timeLimitMs = options.timeLimitMs ?? 10_000;
    this.#maxHeapMb = options.maxHeapMb ?? 512;
  }

  parse(input: WireParseRequest): Promise<WireParseResult> {
    if (input.bytes.byteLength <= this.#inlineMaxBytes || this.#closed) {
      return Promise.resolve(parseWireDocument(input));
    }
    return new Promise((resolve) => {
      this.#queue.push({ input, resolve });
      this.#next();
    });
  }

  /** Ends the worker; files still queued are parsed inline. */
  async close(): Promise<void> {
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = undefined;
    if (worker) await worker.terminate();
  }

  #next(): void {
    if (this.#busy) return;
    const job = this.#queue.shift();
    if (!job) return;
    if (this.#closed) {
      job.resolve(parseWireDocument(job.input));
      this.#next();
      return;
    }
    this.#busy = true;
    this.#run(job, (outcome) => {
      this.#busy = false;
      job.resolve(outcome);
      this.#next();
    });
  }

  #spawn(): Worker {
    // Under vitest the sources are TypeScript: load the worker through tsx as well.
    const typescript = import.meta.url.endsWith(".ts");
    const worker = new Worker(
      new URL(typescript ? "./wire-parse-worker.ts" : "./wire-parse-worker.js", import.meta.url),
      {
        execArgv: typescript ? ["--import", "tsx"] : [],
        resourceLimits: { maxOldGenerationSizeMb: this.#maxHeapMb },
      },
    );
    worker.unref();
    return worker;
  }

  #run(job: Job, done: (outcome: WireParseResult) => void): void {
    this.#worker ??= this.#spawn();
    const worker = this.#worker;
    let settled = false;
    const finish = (outcome: WireParseResult, discard: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (discard) {
        if (this.#worker === worker) this.#worker = undefined;
        void worker.terminate();
      } else {
        worker.unref();
      }
      done(outcome);
    };
    const onMessage = (answer: WorkerAnswer) => {
      finish(
        answer.ok
          ? answer
          : {
              ok: false,
              error: new NewsdeskError(answer.error.code, { detail: answer.error.detail }),
            },
        false,
      );
    };
    const onError = (error: Error) => {
      const outOfMemory = (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
      finish(
        {
          ok: false,
          error: outOfMemory
            ? new NewsdeskError("WIRE_TOO_DEEP", {
                detail: `Reading the file needed more than ${this.#maxHeapMb} MB of memory.`,
                cause: error,
              })
            : new NewsdeskError("WIRE_INTERNAL", { detail: error.message, cause: error }),
        },
        true,
      );
    };
    const onExit = (code: number) => {
      finish(
        {
          ok: false,
          error: new NewsdeskError("WIRE_INTERNAL", {
            detail: `The parser thread stopped (exit code ${code}).`,
          }),
        },
        true,
      );
    };
    const timer = setTimeout(() => {
      finish(
        {
          ok: false,
          error: new NewsdeskError("WIRE_TOO_DEEP", {
            detail: `Reading the file took longer than ${this.#timeLimitMs} ms.`,
          }),
        },
        true,
      );
    }, this.#timeLimitMs);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.ref();
    // Copied, not transferred: the caller still hashes and excerpts the same bytes.
    worker.postMessage(job.input);
  }
}
