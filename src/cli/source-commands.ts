import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { systemActor } from "../domain/actor.js";
import { isNewsdeskError } from "../domain/error-catalogue.js";
import { openServices } from "../main.js";

const sourceHelp = `Usage:
  newsdesk source add --kind http-pull --name <name> --agency <CODE> --agency-name <name>
                      --service <en|fa|…> --url <https://…> [--interval <s>] [--timeout <ms>]
  newsdesk source add --kind drop-directory … --dir <path> [--interval <s>]
                      (inside WIRE_DROP_ROOTS; drop directories are off without it)
  newsdesk source add --kind push …           (prints the push token once)
      common: [--language <bcp47>] [--max-bytes <n>] [--subject <code-or-name>=<section> …]
              [--disabled]
  newsdesk source list
  newsdesk source remove <id>
`;

const options = {
  kind: { type: "string" },
  name: { type: "string" },
  agency: { type: "string" },
  "agency-name": { type: "string" },
  service: { type: "string" },
  language: { type: "string" },
  url: { type: "string" },
  dir: { type: "string" },
  interval: { type: "string" },
  timeout: { type: "string" },
  "max-bytes": { type: "string" },
  subject: { type: "string", multiple: true },
  disabled: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * `newsdesk source …`: wire sources from a shell, as the explicit system actor. The input
 * goes through the same schema as the newsroom API; numbers are passed as given so the
 * schema reports "expected number" rather than guessing.
 */
export async function runSourceCommand(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`newsdesk source: ${(error as Error).message}\n\n${sourceHelp}`);
    return 2;
  }
  const [action, id] = parsed.positionals;
  if (parsed.values.help || action === undefined) {
    process.stdout.write(sourceHelp);
    return action === undefined && !parsed.values.help ? 2 : 0;
  }
  if (!["add", "list", "remove"].includes(action) || (action === "remove" && !id)) {
    process.stderr.write(`newsdesk source: unknown or incomplete command\n\n${sourceHelp}`);
    return 2;
  }
  try {
    const config = loadConfig(env);
    // The same composition, and so the same confinement, as the server's.
    const opened = await openServices(config);
    try {
      const { sources } = opened.services.wire;
      const actor = systemActor(`cli source ${action}`);
      if (action === "list") {
        const all = await sources.list(actor);
        if (all.length === 0) process.stdout.write("No wire sources.\n");
        for (const s of all) {
          const where = "url" in s ? s.url : "directory" in s ? s.directory : "push";
          const status = s.enabled ? "enabled" : "disabled";
          const health = s.state.lastError
            ? `failing ×${s.state.failures}: ${s.state.lastError}`
            : "ok";
          process.stdout.write(
            `${s.id}  ${s.kind.padEnd(14)} ${s.agencyCode.padEnd(8)} ${s.serviceId.padEnd(7)} ${status.padEnd(8)} ${s.name} — ${where} (${health})\n`,
          );
        }
        return 0;
      }
      if (action === "remove") {
        await sources.remove(actor, id ?? "");
        process.stdout.write(`Removed wire source ${id}.\n`);
        return 0;
      }
      const v = parsed.values;
      const number = (value: string | undefined) =>
        value === undefined ? undefined : Number(value);
      const subjectSections = Object.fromEntries(
        (v.subject ?? []).map((pair) => {
          const at = pair.lastIndexOf("=");
          return at > 0 ? [pair.slice(0, at), pair.slice(at + 1)] : [pair, ""];
        }),
      );
      const input = Object.fromEntries(
        Object.entries({
          kind: v.kind,
          name: v.name,
          agencyCode: v.agency?.toUpperCase(),
          agencyName: v["agency-name"] ?? v.agency,
          serviceId: v.service,
          language: v.language,
          url: v.url,
          directory: v.dir,
          intervalSeconds: number(v.interval),
          timeoutMs: number(v.timeout),
          maxBytes: number(v["max-bytes"]),
          subjectSections,
          enabled: !v.disabled,
        }).filter(([, value]) => value !== undefined),
      );
      const { source, pushToken } = await sources.add(actor, input);
      process.stdout.write(
        `Added wire source ${source.id} (${source.kind}, ${source.agencyCode}).\n`,
      );
      if (pushToken !== null) {
        process.stdout.write(
          `Push endpoint: POST /ingest/push/${source.id}\nAuthorization: Bearer ${pushToken}\n(The token is shown only now; rotate it from the newsroom if it is lost.)\n`,
        );
      }
      return 0;
    } finally {
      await opened.close();
    }
  } catch (error) {
    if (isNewsdeskError(error)) {
      process.stderr.write(`newsdesk source: ${error.code}: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`newsdesk source: ${(error as Error).message}\n`);
    return 1;
  }
}
