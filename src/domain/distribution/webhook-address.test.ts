import { describe, expect, it } from "vitest";
import { assertPublicHost, checkWebhookUrl, isPrivateAddress } from "./webhook-address.js";

describe("webhook address policy", () => {
  it.each([
    "127.0.0.1",
    "10.0.0.1",
    "172.31.255.255",
    "192.168.0.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fd00::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:a9fe:a9fe",
    "64:ff9b::10.0.0.1",
    "[::1]",
    "not-an-address",
  ])("%s is not public", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(["93.184.215.14", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])(
    "%s is public",
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it("refuses host names that resolve to a private address, or to nothing", async () => {
    const resolve = async (host: string) =>
      host === "rebind.example"
        ? ["93.184.215.14", "10.0.0.7"]
        : host === "ok.example"
          ? ["8.8.4.4"]
          : [];
    await expect(assertPublicHost("rebind.example", resolve)).rejects.toMatchObject({
      code: "WEBHOOK_URL_PRIVATE",
    });
    await expect(assertPublicHost("nowhere.example", resolve)).rejects.toMatchObject({
      code: "WEBHOOK_URL_UNRESOLVABLE",
    });
    await expect(assertPublicHost("ok.example", resolve)).resolves.toBeUndefined();
  });

  it("accepts only absolute http(s) URLs without credentials", async () => {
    const options = { allowPrivate: true, resolve: async () => ["8.8.8.8"] };
    for (const url of ["ftp://x.example/", "file:///etc/passwd", "https://u:p@x.example/", "x"]) {
      await expect(checkWebhookUrl(url, options)).rejects.toMatchObject({
        code: "WEBHOOK_URL_INVALID",
      });
    }
    expect((await checkWebhookUrl("http://127.0.0.1:9/h", options)).href).toBe(
      "http://127.0.0.1:9/h",
    );
  });
});
