import { describe, expect, it } from "vitest";
import { parseRoute, routeHref } from "./router.js";

describe("syndication routes", () => {
  it.each([
    ["/newsroom/syndication", { screen: "syndication" }],
    ["/newsroom/syndication/keys", { screen: "syndication-keys" }],
    [
      "/newsroom/syndication/webhooks/abc123",
      { screen: "syndication-deliveries", webhookId: "abc123" },
    ],
  ] as const)("%s round-trips", (path, route) => {
    expect(parseRoute(path)).toEqual(route);
    expect(routeHref(route)).toBe(path);
  });

  it("refuses a malformed webhook id", () => {
    expect(parseRoute("/newsroom/syndication/webhooks/a%20b").screen).toBe("not-found");
  });
});
