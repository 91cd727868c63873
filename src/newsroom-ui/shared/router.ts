/**
 * The newsroom's screens as typed routes under /newsroom/ (the server answers every
 * /newsroom/* page with the same index.html). Pure: parsing and building paths only.
 */

const appBasePath = "/newsroom/";

/** The dashboard list's filters and order, all kept in the address (only those set). */
export interface DashboardFilters {
  readonly mine?: boolean;
  readonly section?: string;
  readonly author?: string;
  /** `YYYY-MM-DD`, last change on or after / on or before. */
  readonly from?: string;
  readonly to?: string;
  readonly sort?: "changed" | "created" | "headline" | "published";
  readonly dir?: "asc" | "desc";
}

const sortValues = ["changed", "created", "headline", "published"] as const;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

export type Route =
  | { readonly screen: "login" }
  | {
      readonly screen: "dashboard";
      readonly serviceId: string | null;
      readonly status: string | null;
      readonly q: string;
      /** 1-based page of the story list. */
      readonly page: number;
      /** Present only when the address sets a filter or an order. */
      readonly filters?: DashboardFilters;
    }
  | { readonly screen: "story"; readonly storyId: string }
  | { readonly screen: "history"; readonly storyId: string }
  | { readonly screen: "translate"; readonly storyId: string }
  | { readonly screen: "media" }
  | { readonly screen: "banners"; readonly serviceId: string | null }
  | {
      readonly screen: "curation";
      readonly serviceId: string | null;
      /** A section's slug; null for the home page. */
      readonly section: string | null;
    }
  | { readonly screen: "alerts" }
  | { readonly screen: "users" }
  | {
      readonly screen: "catalog";
      readonly kind: CatalogKind;
      /** Null: the first service the user can see (agencies belong to no service). */
      readonly serviceId: string | null;
    }
  | {
      readonly screen: "audit";
      /** The filters, as the address keeps them (dates are YYYY-MM-DD, both included). */
      readonly userId: string | null;
      readonly action: string | null;
      readonly serviceId: string | null;
      readonly from: string | null;
      readonly to: string | null;
      readonly page: number;
    }
  | { readonly screen: "wire" }
  | { readonly screen: "wire-item"; readonly itemId: string }
  | { readonly screen: "wire-quarantine" }
  | { readonly screen: "wire-sources" }
  | { readonly screen: "tokens" }
  | { readonly screen: "account" }
  | { readonly screen: "syndication" }
  | { readonly screen: "syndication-deliveries"; readonly webhookId: string }
  | { readonly screen: "syndication-keys" }
  | { readonly screen: "mirrors"; readonly serviceId: string | null }
  | { readonly screen: "writing-settings"; readonly serviceId: string | null }
  | { readonly screen: "programmes"; readonly serviceId: string | null }
  | { readonly screen: "not-found"; readonly path: string };

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The catalogue screen's lists, one page each. */
export const catalogKinds = ["people", "desks", "topics", "sections", "agencies"] as const;
export type CatalogKind = (typeof catalogKinds)[number];

export function parseRoute(pathname: string, search = ""): Route {
  const params = new URLSearchParams(search);
  if (!pathname.startsWith(appBasePath) && pathname !== "/newsroom") {
    return { screen: "not-found", path: pathname };
  }
  const rest = pathname.slice(appBasePath.length).replace(/\/+$/, "");
  const parts = rest === "" ? [] : rest.split("/").map((part) => safeDecode(part));
  const [first, second, third] = parts;
  if (parts.length === 0) {
    const filters = dashboardFilters(params);
    return {
      screen: "dashboard",
      serviceId: params.get("service"),
      status: params.get("status"),
      q: params.get("q") ?? "",
      page: pageNumber(params.get("page")),
      ...(Object.keys(filters).length > 0 ? { filters } : {}),
    };
  }
  if (parts.length === 1 && first === "login") return { screen: "login" };
  if (parts.length === 1 && first === "media") return { screen: "media" };
  if (parts.length === 1 && first === "users") return { screen: "users" };
  if (parts.length === 1 && first === "audit") {
    return {
      screen: "audit",
      userId: params.get("user"),
      action: params.get("action"),
      serviceId: params.get("service"),
      from: dateParam(params.get("from")),
      to: dateParam(params.get("to")),
      page: pageNumber(params.get("page")),
    };
  }
  if (parts.length === 1 && first === "tokens") return { screen: "tokens" };
  if (first === "catalog" && parts.length <= 2) {
    const kind = parts.length === 1 ? "people" : catalogKinds.find((k) => k === second);
    if (kind) return { screen: "catalog", kind, serviceId: params.get("service") };
  }
  if (parts.length === 1 && first === "account") return { screen: "account" };
  if (parts.length === 1 && first === "alerts") return { screen: "alerts" };
  if (parts.length === 1 && first === "programmes") {
    return { screen: "programmes", serviceId: params.get("service") };
  }
  if (parts.length === 2 && first === "settings" && second === "writing") {
    return { screen: "writing-settings", serviceId: params.get("service") };
  }
  if (parts.length === 1 && first === "mirrors") {
    return { screen: "mirrors", serviceId: params.get("service") };
  }
  if (first === "syndication") {
    if (parts.length === 1) return { screen: "syndication" };
    if (parts.length === 2 && second === "keys") return { screen: "syndication-keys" };
    if (
      parts.length === 3 &&
      second === "webhooks" &&
      third !== undefined &&
      idPattern.test(third)
    ) {
      return { screen: "syndication-deliveries", webhookId: third };
    }
  }
  if (first === "wire") {
    if (parts.length === 1) return { screen: "wire" };
    if (parts.length === 2 && second === "quarantine") return { screen: "wire-quarantine" };
    if (parts.length === 2 && second === "sources") return { screen: "wire-sources" };
    if (parts.length === 3 && second === "items" && third !== undefined && idPattern.test(third)) {
      return { screen: "wire-item", itemId: third };
    }
  }
  if (parts.length === 1 && first === "curation") {
    const section = params.get("section");
    return {
      screen: "curation",
      serviceId: params.get("service"),
      section: section && /^[a-z0-9-]{1,100}$/.test(section) ? section : null,
    };
  }
  if (parts.length === 1 && first === "breaking") {
    return { screen: "banners", serviceId: params.get("service") };
  }
  if (first === "stories" && second !== undefined && idPattern.test(second)) {
    if (parts.length === 2) return { screen: "story", storyId: second };
    if (parts.length === 3 && third === "history") return { screen: "history", storyId: second };
    if (parts.length === 3 && third === "translate") {
      return { screen: "translate", storyId: second };
    }
  }
  return { screen: "not-found", path: pathname };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case "login":
      return `${appBasePath}login`;
    case "dashboard": {
      const params = new URLSearchParams();
      if (route.serviceId) params.set("service", route.serviceId);
      if (route.status) params.set("status", route.status);
      if (route.q) params.set("q", route.q);
      const f = route.filters ?? {};
      if (f.mine) params.set("mine", "true");
      if (f.section) params.set("section", f.section);
      if (f.author) params.set("author", f.author);
      if (f.from) params.set("from", f.from);
      if (f.to) params.set("to", f.to);
      if (f.sort) params.set("sort", f.sort);
      if (f.dir) params.set("dir", f.dir);
      if (route.page > 1) params.set("page", String(route.page));
      const search = params.toString();
      return `${appBasePath}${search ? `?${search}` : ""}`;
    }
    case "story":
      return `${appBasePath}stories/${encodeURIComponent(route.storyId)}`;
    case "history":
      return `${appBasePath}stories/${encodeURIComponent(route.storyId)}/history`;
    case "translate":
      return `${appBasePath}stories/${encodeURIComponent(route.storyId)}/translate`;
    case "media":
      return `${appBasePath}media`;
    case "banners":
      return `${appBasePath}breaking${route.serviceId ? `?service=${encodeURIComponent(route.serviceId)}` : ""}`;
    case "alerts":
      return `${appBasePath}alerts`;
    case "curation": {
      const params = new URLSearchParams();
      if (route.serviceId) params.set("service", route.serviceId);
      if (route.section) params.set("section", route.section);
      const search = params.toString();
      return `${appBasePath}curation${search ? `?${search}` : ""}`;
    }
    case "users":
      return `${appBasePath}users`;
    case "catalog":
      return `${appBasePath}catalog/${route.kind}${route.serviceId && route.kind !== "agencies" ? `?service=${encodeURIComponent(route.serviceId)}` : ""}`;
    case "audit": {
      const params = new URLSearchParams();
      if (route.userId) params.set("user", route.userId);
      if (route.action) params.set("action", route.action);
      if (route.serviceId) params.set("service", route.serviceId);
      if (route.from) params.set("from", route.from);
      if (route.to) params.set("to", route.to);
      if (route.page > 1) params.set("page", String(route.page));
      const search = params.toString();
      return `${appBasePath}audit${search ? `?${search}` : ""}`;
    }
    case "wire":
      return `${appBasePath}wire`;
    case "wire-item":
      return `${appBasePath}wire/items/${encodeURIComponent(route.itemId)}`;
    case "wire-quarantine":
      return `${appBasePath}wire/quarantine`;
    case "wire-sources":
      return `${appBasePath}wire/sources`;
    case "tokens":
      return `${appBasePath}tokens`;
    case "account":
      return `${appBasePath}account`;
    case "syndication":
      return `${appBasePath}syndication`;
    case "syndication-deliveries":
      return `${appBasePath}syndication/webhooks/${encodeURIComponent(route.webhookId)}`;
    case "syndication-keys":
      return `${appBasePath}syndication/keys`;
    case "mirrors":
      return `${appBasePath}mirrors${route.serviceId ? `?service=${encodeURIComponent(route.serviceId)}` : ""}`;
    case "writing-settings":
      return `${appBasePath}settings/writing${route.serviceId ? `?service=${encodeURIComponent(route.serviceId)}` : ""}`;
    case "programmes":
      return `${appBasePath}programmes${route.serviceId ? `?service=${encodeURIComponent(route.serviceId)}` : ""}`;
    case "not-found":
      return route.path;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The filters an address sets; values the list API would refuse are left out. */
function dashboardFilters(params: URLSearchParams): DashboardFilters {
  const id = (name: string) => {
    const value = params.get(name);
    return value !== null && idPattern.test(value) ? value : undefined;
  };
  const day = (name: string) => {
    const value = params.get(name);
    return value !== null && dayPattern.test(value) ? value : undefined;
  };
  const sort = sortValues.find((value) => value === params.get("sort"));
  const dir = params.get("dir");
  const entries = {
    mine: params.get("mine") === "true" ? true : undefined,
    section: id("section"),
    author: id("author"),
    from: day("from"),
    to: day("to"),
    sort,
    dir: dir === "asc" || dir === "desc" ? dir : undefined,
  };
  return Object.fromEntries(
    Object.entries(entries).filter(([, value]) => value !== undefined),
  ) as DashboardFilters;
}

/** A calendar date from the address (`2031-05-01`), or null for anything else. */
function dateParam(value: string | null): string | null {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

/** The API pages up to offset 100,000; anything else in the address is the first page. */
function pageNumber(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}
