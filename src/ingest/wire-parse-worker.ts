import { parentPort } from "node:worker_threads";
import type { WireParseRequest } from "../domain/wire/wire-document-parser.js";
import { parseWireDocument } from "./wire-parser.js";

/**
 * The worker side of `WireParseThread`: parses one file per message and answers with the
 * result. A rejection (a `NewsdeskError`) does not survive structured cloning as a class, so
 * it travels as its code and detail (the error's message) and is rebuilt on the other side.
 */
const port = parentPort;
if (!port) throw new Error("wire-parse-worker runs only as a worker thread");
port.on("message", (input: WireParseRequest) => {
  const result = parseWireDocument(input);
  port.postMessage(
    result.ok
      ? result
      : { ok: false, error: { code: result.error.code, detail: result.error.message } },
  );
});
