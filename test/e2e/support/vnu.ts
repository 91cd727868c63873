import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { z } from "zod";

// The checker is a jar shipped inside the vnu-jar package, run with java, never imported.
const require = createRequire(import.meta.url);
const vnuJar = require.resolve("vnu-jar/build/dist/vnu.jar");

const vnuOutput = z.object({
  messages: z.array(
    z.object({
      type: z.string(),
      subType: z.string().optional(),
      url: z.string().optional(),
      message: z.string(),
      lastLine: z.number().optional(),
      firstColumn: z.number().optional(),
      lastColumn: z.number().optional(),
      extract: z.string().optional(),
    }),
  ),
});

export type VnuMessage = z.infer<typeof vnuOutput>["messages"][number];

/**
 * Runs the Nu Html Checker once over many files (one JVM start, about 2 s).
 * It exits 1 when it finds errors, so the exit code is not treated as a failure here:
 * the caller asserts on the parsed messages.
 */
export async function runVnu(files: readonly string[]): Promise<VnuMessage[]> {
  const { stdout, stderr, code } = await new Promise<{
    stdout: string;
    stderr: string;
    code: number | null;
  }>((done, fail) => {
    const child = spawn("java", ["-jar", vnuJar, "--format", "json", "--stdout", ...files], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    child.once("error", fail);
    child.once("close", (exit) =>
      done({
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        code: exit,
      }),
    );
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch (error) {
    throw new Error(`vnu gave no JSON (exit ${code}): ${stderr || stdout}`, { cause: error });
  }
  return vnuOutput.parse(parsed).messages;
}

export function isVnuError(m: VnuMessage): boolean {
  return m.type === "error" || m.type === "non-document-error";
}

export function formatVnuMessage(m: VnuMessage): string {
  const file = m.url ? (m.url.split("/").at(-1) ?? m.url) : "?";
  const where =
    m.lastLine === undefined ? "" : `:${m.lastLine}:${m.firstColumn ?? m.lastColumn ?? 0}`;
  const kind = m.subType ? `${m.type}/${m.subType}` : m.type;
  const extract = m.extract ? ` [${m.extract.replace(/\s+/gu, " ").trim().slice(0, 160)}]` : "";
  return `${file}${where} ${kind}: ${m.message}${extract}`;
}
