import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { isNewsdeskError } from "../domain/error-catalogue.js";
import {
  editionsOf,
  isServiceId,
  serviceByUrlPrefix,
} from "../domain/services/service-registry.js";
import { buildPackage, maxTopStories, type PackageFormat } from "../export/offline-package.js";
import { packageFileName } from "../export/package-directory.js";
import { createNewsdesk } from "../main.js";

const packageHelp = `Usage: newsdesk package --service <id> --format zim|epub [--out <file>] [--top 50]

Builds a daily offline package of an edition's top stories (the home page's order: curated
stories first, then the newest), images resized to 480 px, signed as <file>.minisig with
SIGNING_KEY_FILE. --service takes a service id such as fa, or an edition's address prefix
such as serbian-cyrillic.

  --format epub   EPUB 3 for any e-book reader (right-to-left page order for RTL editions)
  --format zim    ZIM for Kiwix (needs zimwriterfs: apt-get install zim-tools)
  --top <n>       How many stories, 1 to ${maxTopStories} (default 50)
  --out <file>    Where to write (default: PACKAGES_DIR/<edition>-<YYYY-MM-DD>.<format>)

Packages in PACKAGES_DIR named so, with their .minisig, are served at /_/packages/<file>
and the newest of each format is offered on the edition's "Can't reach us?" page.
Verify a package: minisign -Vm <file> -P <public key>  (newsdesk keys show)
`;

const options = {
  service: { type: "string" },
  format: { type: "string" },
  out: { type: "string" },
  top: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** `newsdesk package …`: returns the process exit code. */
export async function runPackageCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  let values: { service?: string; format?: string; out?: string; top?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true }));
  } catch (error) {
    process.stderr.write(`newsdesk package: ${(error as Error).message}\n\n${packageHelp}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(packageHelp);
    return 0;
  }
  const edition = values.service
    ? isServiceId(values.service)
      ? editionsOf(values.service)[0]
      : serviceByUrlPrefix(values.service)
    : undefined;
  const top = values.top === undefined ? 50 : Number(values.top);
  const problem =
    positionals.length > 0
      ? `unexpected argument ${positionals[0]}`
      : !edition
        ? "--service must name a service (e.g. en, fa) or an edition prefix"
        : values.format !== "epub" && values.format !== "zim"
          ? "--format must be epub or zim"
          : values.out !== undefined && (values.out === "" || values.out.length > 4096)
            ? "--out must be a file path"
            : !Number.isInteger(top) || top < 1 || top > maxTopStories
              ? `--top must be a whole number from 1 to ${maxTopStories}`
              : undefined;
  if (problem || !edition) {
    process.stderr.write(`newsdesk package: ${problem}\n\n${packageHelp}`);
    return 2;
  }
  try {
    const config = loadConfig({ ...env, SEED_DEMO: "never" });
    const newsdesk = await createNewsdesk(config, { seed: false });
    try {
      const key = newsdesk.reach.keyRing?.current;
      if (!key) {
        process.stderr.write(
          `newsdesk package: no signing key at ${config.signingKeyFile}; run \`newsdesk keys generate\`\n`,
        );
        return 1;
      }
      const now = new Date();
      const format = values.format as PackageFormat;
      const outFile = values.out ?? join(config.packagesDir, packageFileName(edition, format, now));
      await mkdir(dirname(outFile), { recursive: true });
      const report = await buildPackage({
        fetchPage: async (path) => newsdesk.app.request(path),
        edition,
        publicUrl: config.publicUrl,
        format,
        outFile,
        key,
        now,
        top,
      });
      process.stdout.write(
        `Packaged ${edition.urlPrefix} as ${format} into ${outFile}: ` +
          `${report.stories} stories, ${report.images} images` +
          (report.imagesLeftOut > 0
            ? ` (${report.imagesLeftOut} left out to stay within 5 MiB)`
            : "") +
          ", " +
          `${(report.bytes / 1_000_000).toFixed(2)} MB, ${(report.ms / 1000).toFixed(1)} s; ` +
          `signature ${outFile}.minisig\n`,
      );
      return 0;
    } finally {
      await newsdesk.close();
    }
  } catch (error) {
    if (isNewsdeskError(error)) {
      process.stderr.write(`newsdesk package: ${error.code}: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`newsdesk package: ${(error as Error).message}\n`);
    return 1;
  }
}
