import { request } from "node:http";

export interface Fetched {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/**
 * A GET to the server on 127.0.0.1 as a browser on another host name would send it: with
 * its own `Host` (fetch() may not set one) and whatever a proxy adds, such as
 * `X-Forwarded-Prefix`. Redirects are not followed: the caller checks each Location.
 */
export function getAs(
  port: number,
  path: string,
  headers: Readonly<Record<string, string>>,
): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** Every URL a browser would follow or fetch from a page, with the element that holds it. */
export function linksOf(html: string): { readonly url: string; readonly from: string }[] {
  const found: { url: string; from: string }[] = [];
  const decode = (value: string) =>
    value
      .replaceAll("&amp;", "&")
      .replaceAll("&quot;", '"')
      .replaceAll("&#39;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">");
  for (const tag of html.matchAll(/<(a|link|img|source|script|form|meta|iframe)\b([^>]*)>/gi)) {
    const name = (tag[1] ?? "").toLowerCase();
    const attributes = tag[2] ?? "";
    const attribute = (attr: string) =>
      new RegExp(`\\s${attr}="([^"]*)"`, "i").exec(attributes)?.[1];
    const rel = attribute("rel") ?? "";
    const hreflang = attribute("hreflang");
    const from = `${name}${rel ? `[rel=${rel}]` : ""}${hreflang ? "[hreflang]" : ""}`;
    for (const attr of ["href", "src", "action"]) {
      const value = attribute(attr);
      if (value !== undefined) found.push({ url: decode(value), from });
    }
    const srcset = attribute("srcset");
    if (srcset) {
      for (const candidate of decode(srcset).split(",")) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) found.push({ url, from: `${name}[srcset]` });
      }
    }
    if (name === "meta" && /http-equiv="refresh"/i.test(attributes)) {
      const url = /url=([^"]+)/i.exec(attribute("content") ?? "")?.[1];
      if (url) found.push({ url: decode(url), from: "meta[refresh]" });
    }
  }
  return found;
}
