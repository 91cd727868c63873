import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { ServiceConfig } from "../domain/services/service-registry.js";
import type { PackageFormat } from "./offline-package.js";

/**
 * The offline packages directory (PACKAGES_DIR): `<edition prefix>-<YYYY-MM-DD>.<format>`
 * with its `.minisig` beside it. The "Can't reach us?" page offers the latest of each
 * format; `/_/packages/<file>` serves them.
 */
const packageName = /^([a-z0-9-]{1,64})-(\d{4}-\d{2}-\d{2})\.(epub|zim)$/;
/** What `/_/packages/` serves: packages and their signatures, nothing else in the folder. */
const servedName = /^[a-z0-9-]{1,64}-\d{4}-\d{2}-\d{2}\.(epub|zim)(\.minisig)?$/;

export const packageContentTypes: Readonly<Record<string, string>> = {
  epub: "application/epub+zip",
  // No registered type; Kiwix and the openZIM tools use this one.
  zim: "application/x-zim",
  minisig: "text/plain; charset=utf-8",
};

export function packageFileName(edition: ServiceConfig, format: PackageFormat, at: Date): string {
  return `${edition.urlPrefix}-${at.toISOString().slice(0, 10)}.${format}`;
}

export function isServedPackageName(name: string): boolean {
  return servedName.test(name);
}

export interface ListedPackage {
  readonly format: PackageFormat;
  readonly url: string;
  readonly bytes: number;
}

/**
 * The newest signed package of each format for these editions (a package without its
 * signature is still being written, or was never signed: not offered).
 */
export async function latestPackages(
  dir: string,
  editions: readonly ServiceConfig[],
): Promise<ListedPackage[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const prefixes = new Set(editions.map((e) => e.urlPrefix));
  const signed = new Set(names.filter((n) => n.endsWith(".minisig")));
  const latest = new Map<string, { name: string; day: string }>();
  for (const name of names) {
    const match = packageName.exec(name);
    if (!match || !signed.has(`${name}.minisig`)) continue;
    const [, prefix = "", day = "", format = ""] = match;
    if (!prefixes.has(prefix)) continue;
    const key = `${prefix}.${format}`;
    const known = latest.get(key);
    if (!known || known.day < day) latest.set(key, { name, day });
  }
  const out: ListedPackage[] = [];
  for (const [key, { name }] of [...latest].sort(([a], [b]) => (a < b ? -1 : 1))) {
    try {
      const info = await stat(join(dir, name));
      out.push({
        format: key.slice(key.lastIndexOf(".") + 1) as PackageFormat,
        url: `/_/packages/${name}`,
        bytes: info.size,
      });
    } catch {
      // Removed between the listing and now: not offered.
    }
  }
  return out;
}
