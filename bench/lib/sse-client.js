// One SSE load client (a child of bench/lib/sse-bench.js): holds `count` raw TCP sockets on
// GET /_/live/<edition tag>, each a few hundred bytes of state, and timestamps the moment each
// socket receives the `event: banner` frame carrying the watched token.
// Usage: node sse-client.js <port> <count> [edition tag, e.g. en or sr-Latn]
// stdin commands, one per line: `watch <token>`, `report`, `close`.
// stdout: JSON lines {type: "connected" | "received" | "report", …}.
import { connect } from "node:net";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";

const port = Number(process.argv[2]);
const count = Number(process.argv[3]);
const service = process.argv[4] ?? "en";
const concurrency = 256;
const request = Buffer.from(
  `GET /_/live/${service} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\n\r\n`,
);

/** @type {import("node:net").Socket[]} */
const sockets = [];
let connected = 0;
let failed = 0;
let started = 0;
/** @type {Buffer | undefined} */
let token;
/** @type {number[]} */
const receivedAt = [];
let announcedAll = false;

const now = () => performance.timeOrigin + performance.now();
/** @param {object} message */
const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

function openNext() {
  if (started >= count) return;
  started++;
  let ok = false;
  let got = false;
  /** @type {Buffer} */
  let tail = Buffer.alloc(0);
  const socket = connect({ host: "127.0.0.1", port }, () => socket.write(request));
  socket.setNoDelay(true);
  socket.on("data", (chunk) => {
    if (!ok) {
      ok = true;
      if (chunk.subarray(0, 12).toString("latin1") !== "HTTP/1.1 200") {
        failed++;
        socket.destroy();
        settle();
        return;
      }
      connected++;
      sockets.push(socket);
      settle();
    }
    if (got || !token) return;
    const window = tail.length ? Buffer.concat([tail, chunk]) : chunk;
    if (window.includes(token)) {
      got = true;
      receivedAt.push(now());
      if (!announcedAll && receivedAt.length === connected) {
        announcedAll = true;
        send({ type: "received", received: receivedAt.length, connected, receivedAt });
      }
      return;
    }
    tail = window.subarray(Math.max(0, window.length - 256));
  });
  socket.on("error", () => {
    if (!ok) {
      ok = true;
      failed++;
      settle();
    }
  });
}

function settle() {
  if (connected + failed === count) {
    send({ type: "connected", connected, failed });
  }
  openNext();
}

for (let i = 0; i < Math.min(concurrency, count); i++) openNext();

createInterface({ input: process.stdin }).on("line", (line) => {
  const [command, argument] = line.trim().split(" ");
  if (command === "watch" && argument) {
    token = Buffer.from(argument);
  } else if (command === "report") {
    send({ type: "report", received: receivedAt.length, connected, receivedAt });
  } else if (command === "close") {
    for (const socket of sockets) socket.destroy();
    process.exit(0);
  }
});
process.stdin.on("end", () => process.exit(0));
