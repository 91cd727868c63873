import { describe, expect, it } from "vitest";
import { parseRoute, type Route, routeHref } from "./router.js";

describe("newsroom routes", () => {
  const cases: readonly [string, string, Route][] = [
    ["/newsroom/", "", { screen: "dashboard", serviceId: null, status: null, q: "", page: 1 }],
    ["/newsroom", "", { screen: "dashboard", serviceId: null, status: null, q: "", page: 1 }],
    [
      "/newsroom/",
      "?service=fa&status=in_review&q=%D8%AA%D9%87%D8%B1%D8%A7%D9%86",
      { screen: "dashboard", serviceId: "fa", status: "in_review", q: "تهران", page: 1 },
    ],
    [
      "/newsroom/",
      "?service=en&status=unpublished&page=3",
      { screen: "dashboard", serviceId: "en", status: "unpublished", q: "", page: 3 },
    ],
    [
      "/newsroom/",
      "?service=en&status=trash&q=bridge&mine=true&section=world&author=lena-okafor&from=2026-03-01&to=2026-03-31&sort=headline&dir=asc&page=2",
      {
        screen: "dashboard",
        serviceId: "en",
        status: "trash",
        q: "bridge",
        page: 2,
        filters: {
          mine: true,
          section: "world",
          author: "lena-okafor",
          from: "2026-03-01",
          to: "2026-03-31",
          sort: "headline",
          dir: "asc",
        },
      },
    ],
    ["/newsroom/login", "", { screen: "login" }],
    ["/newsroom/stories/st_01", "", { screen: "story", storyId: "st_01" }],
    ["/newsroom/stories/st_01/history", "", { screen: "history", storyId: "st_01" }],
    ["/newsroom/stories/st_01/translate", "", { screen: "translate", storyId: "st_01" }],
    ["/newsroom/stories/st_01/live", "", { screen: "live", storyId: "st_01" }],
    ["/newsroom/media", "", { screen: "media" }],
    ["/newsroom/breaking", "?service=en", { screen: "banners", serviceId: "en" }],
    ["/newsroom/alerts", "", { screen: "alerts" }],
    ["/newsroom/curation", "", { screen: "curation", serviceId: null, section: null }],
    [
      "/newsroom/curation",
      "?service=fa&section=world",
      { screen: "curation", serviceId: "fa", section: "world" },
    ],
    // A section that is no slug is the home page, not text echoed into requests.
    [
      "/newsroom/curation",
      "?service=en&section=..%2Fx",
      { screen: "curation", serviceId: "en", section: null },
    ],
    ["/newsroom/users/", "", { screen: "users" }],
    ["/newsroom/catalog", "", { screen: "catalog", kind: "people", serviceId: null }],
    [
      "/newsroom/catalog/topics",
      "?service=fa",
      { screen: "catalog", kind: "topics", serviceId: "fa" },
    ],
    [
      "/newsroom/audit",
      "",
      {
        screen: "audit",
        userId: null,
        action: null,
        serviceId: null,
        from: null,
        to: null,
        page: 1,
      },
    ],
    [
      "/newsroom/audit",
      "?user=u_1&action=story.published&service=fa&from=2031-05-01&to=2031-05-31&page=2",
      {
        screen: "audit",
        userId: "u_1",
        action: "story.published",
        serviceId: "fa",
        from: "2031-05-01",
        to: "2031-05-31",
        page: 2,
      },
    ],
    ["/newsroom/wire", "", { screen: "wire" }],
    ["/newsroom/wire/items/w_01", "", { screen: "wire-item", itemId: "w_01" }],
    ["/newsroom/wire/quarantine", "", { screen: "wire-quarantine" }],
    ["/newsroom/wire/sources", "", { screen: "wire-sources" }],
    ["/newsroom/tokens", "", { screen: "tokens" }],
    ["/newsroom/account", "", { screen: "account" }],
  ];
  it("reads a page number that is not a positive whole number as the first page", () => {
    for (const page of ["0", "-2", "1.5", "x", "99999999999"]) {
      expect(parseRoute("/newsroom/", `?page=${page}`), page).toMatchObject({ page: 1 });
    }
  });
  it("drops an audit date that is not a calendar date", () => {
    expect(parseRoute("/newsroom/audit", "?from=yesterday&to=2031-5-1")).toMatchObject({
      from: null,
      to: null,
    });
  });
  it.each(cases)("parses %s%s", (path, search, route) => {
    expect(parseRoute(path, search)).toEqual(route);
  });

  it("round-trips every screen through its href", () => {
    for (const [, , route] of cases) {
      const href = new URL(routeHref(route), "http://x");
      expect(parseRoute(href.pathname, href.search)).toEqual(route);
    }
  });

  it("drops list filters the API would refuse", () => {
    expect(
      parseRoute("/newsroom/", "?mine=yes&section=a%20b&from=March&sort=random&dir=up"),
    ).toEqual({ screen: "dashboard", serviceId: null, status: null, q: "", page: 1 });
  });

  it("refuses odd story ids and unknown paths", () => {
    expect(parseRoute("/newsroom/stories/..%2F..%2Fetc").screen).toBe("not-found");
    expect(parseRoute("/newsroom/stories/a/b/c").screen).toBe("not-found");
    expect(parseRoute("/english/").screen).toBe("not-found");
  });
});
