import { Agent, request } from "node:http";

/** What a browser asks for (Chrome 12x): the page cache serves brotli to it. */
export const browserAcceptEncoding = "gzip, deflate, br, zstd";

/** One keep-alive connection, reused request after request, as a reader's browser does. */
export function keepAliveAgent() {
  return new Agent({ keepAlive: true, maxSockets: 1 });
}

/**
 * GET without any decoding (fetch would decompress brotli): status, headers and the exact
 * bytes on the wire, plus the size of the response head. A new connection per request
 * unless an `agent` is given.
 * @param {string} url
 * @param {Record<string, string>} [headers]
 * @param {Agent | false} [agent]
 * @returns {Promise<{ status: number, headers: import("node:http").IncomingHttpHeaders,
 *   body: Buffer, headBytes: number }>}
 */
export function getRaw(url, headers = {}, agent = false) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const raw = res.rawHeaders;
        let headBytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
        for (let i = 0; i < raw.length; i += 2) headBytes += `${raw[i]}: ${raw[i + 1]}\r\n`.length;
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          headBytes,
        });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}
