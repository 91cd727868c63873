import { request } from "node:http";

/**
 * GET without any decoding (fetch would decompress brotli): status, headers and the exact
 * bytes on the wire, plus the size of the response head.
 * @param {string} url
 * @param {Record<string, string>} [headers]
 * @returns {Promise<{ status: number, headers: import("node:http").IncomingHttpHeaders,
 *   body: Buffer, headBytes: number }>}
 */
export function getRaw(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
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
