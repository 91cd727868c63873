import { describe, expect, it } from "vitest";
import type { Mirror } from "../../domain/mirrors/mirror-schema.js";
import { services } from "../../domain/services/service-registry.js";
import { renderHtml } from "../render-html.js";
import { ReachPage } from "./ReachPage.js";
import { renderContext } from "./render-context.js";

const ctx = renderContext({
  service: services.fa,
  textSize: "md",
  path: "/persian/mirrors",
  publicUrl: "https://news.example.org",
  publisherName: "Meridian",
  now: new Date("2026-12-05T12:00:00Z"),
});
const chrome = { service: services.fa, sections: [], banner: undefined };
const mirror: Mirror = {
  id: "m1",
  serviceId: "fa",
  kind: "static",
  url: "https://bucket.example.com/fa",
  note: "",
  createdAt: "2026-12-05T12:00:00.000Z",
};

describe('the "Can\'t reach us?" page', () => {
  it("links a static mirror to its own root, an https mirror to the edition under it", () => {
    const html = renderHtml(
      <ReachPage
        ctx={ctx}
        chrome={chrome}
        mirrors={[mirror, { ...mirror, id: "m2", kind: "https", url: "https://fa.example.net" }]}
      />,
    );
    expect(html).toContain('<a href="https://bucket.example.com/fa/" dir="ltr">');
    expect(html).toContain('<a href="https://fa.example.net/persian/" dir="ltr">');
    // No key and no packages yet: neither section is shown.
    expect(html).not.toContain("reach-verify");
    expect(html).not.toContain("reach-offline");
  });

  it("shows how to check the signed list, and the offline packages, once they exist", () => {
    const html = renderHtml(
      <ReachPage
        ctx={ctx}
        chrome={chrome}
        mirrors={[mirror]}
        publicKey="RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3"
        packages={[{ format: "epub", url: "/packages/fa-2026-12-05.epub", bytes: 2_140_000 }]}
      />,
    );
    expect(html).toContain('<h2 id="reach-verify">مطمئن شوید این فهرست از ماست</h2>');
    expect(html).toContain(
      '<pre dir="ltr"><code>RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3</code></pre>',
    );
    expect(html).toContain('<a href="/packages/fa-2026-12-05.epub">پروندهٔ EPUB (۲٫۱ MB)</a>');
  });
});
