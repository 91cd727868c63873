import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { isNewsdeskError } from "../domain/error-catalogue.js";
import {
  keyIdHex,
  publicKeyBase64,
  publicKeyFile,
  publicKeyOf,
} from "../domain/signing/minisign.js";
import {
  generateKeyFile,
  KeyFileError,
  type KeyRing,
  listedPublicKeys,
  readKeyRing,
  rotateKeyFile,
} from "../security/signing-key-file.js";

const keysHelp = `Usage: newsdesk keys generate|show|rotate [--transition-days <N>]

The Ed25519 key that signs /mirrors.json, static mirror exports and offline packages, in
minisign's format: readers verify with \`minisign -Vm <file> -P <public key>\`.
The private key lives in SIGNING_KEY_FILE (default: signing-key.json beside a SQLite
database, else ./data/signing-key.json), created with mode 0600, never in the database.

  generate   Create the key file (refuses to replace an existing one) and print the public key
  show       Print the public key (minisign.pub format) and any previous keys still listed
  rotate     Replace the key with a new one; the previous public key stays listed to readers
             for --transition-days (default 30) so apps that pinned it learn the new one.
             Restart the servers afterwards: they read the key at start.
`;

const options = {
  "transition-days": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function describe(ring: KeyRing, path: string, now: Date): string {
  const current = publicKeyOf(ring.current);
  const lines = [
    `Key file: ${path}`,
    `Key id: ${keyIdHex(ring.current.keyId)} (created ${ring.createdAt})`,
    "",
    publicKeyFile(current).trimEnd(),
    "",
    `Verify: minisign -Vm mirrors.json -P ${publicKeyBase64(current)}`,
  ];
  const previous = listedPublicKeys(ring, now).slice(1);
  if (previous.length > 0) {
    lines.push("", "Previous keys, still listed to readers during their transition:");
    for (const entry of previous) {
      lines.push(
        `  ${keyIdHex(entry.key.keyId)} ${publicKeyBase64(entry.key)} until ${entry.listedUntil}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** `newsdesk keys …`: returns the process exit code. */
export async function runKeyCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  now: Date = new Date(),
): Promise<number> {
  let parsed: { values: { "transition-days"?: string; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`newsdesk keys: ${(error as Error).message}\n\n${keysHelp}`);
    return 2;
  }
  const [action, ...rest] = parsed.positionals;
  if (parsed.values.help || action === undefined) {
    process.stdout.write(keysHelp);
    return parsed.values.help ? 0 : 2;
  }
  const transitionDays = Number(parsed.values["transition-days"] ?? "30");
  if (
    rest.length > 0 ||
    !["generate", "show", "rotate"].includes(action) ||
    !Number.isInteger(transitionDays) ||
    transitionDays < 0 ||
    transitionDays > 365
  ) {
    process.stderr.write(
      `newsdesk keys: ${rest.length > 0 || !["generate", "show", "rotate"].includes(action) ? "unknown arguments" : "--transition-days must be a whole number from 0 to 365"}\n\n${keysHelp}`,
    );
    return 2;
  }
  try {
    const path = loadConfig(env).signingKeyFile;
    if (action === "generate") {
      const ring = await generateKeyFile(path, now);
      process.stdout.write(`Created a new signing key.\n${describe(ring, path, now)}`);
      return 0;
    }
    if (action === "rotate") {
      const ring = await rotateKeyFile(path, now, transitionDays);
      process.stdout.write(
        `Rotated the signing key. The previous public key stays listed for ${transitionDays} days; ` +
          "restart the servers so they sign with the new key.\n" +
          describe(ring, path, now),
      );
      return 0;
    }
    const ring = await readKeyRing(path);
    if (!ring) {
      process.stderr.write(
        `newsdesk keys: ${path} does not exist; run \`newsdesk keys generate\`\n`,
      );
      return 1;
    }
    process.stdout.write(describe(ring, path, now));
    return 0;
  } catch (error) {
    if (error instanceof KeyFileError || isNewsdeskError(error)) {
      process.stderr.write(`newsdesk keys: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
