import { describe, expect, it } from "vitest";
import { strictTransportSecurity } from "./security-headers.js";

describe("Strict-Transport-Security (RFC 6797, ASVS 4.0.3 V14.4.5)", () => {
  it("is sent for an https public URL, for a year and every subdomain", () => {
    expect(strictTransportSecurity("https://news.example.org")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(strictTransportSecurity("HTTPS://news.example.org:8443/base")).toBe(
      "max-age=31536000; includeSubDomains",
    );
  });

  it("is not sent for a plain http public URL", () => {
    expect(strictTransportSecurity("http://localhost:8080")).toBeUndefined();
    expect(strictTransportSecurity("http://https.example.org")).toBeUndefined();
  });
});
