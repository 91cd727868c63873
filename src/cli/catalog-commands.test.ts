import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { captureOutput } from "../../test/support/capture-output.js";
import { runCli } from "./cli.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("newsdesk people, desks, topics, sections and agencies", () => {
  it("are listed in the help and refuse incomplete commands with exit 2", async () => {
    const io = captureOutput();
    expect(await runCli(["--help"], {})).toBe(0);
    expect(io.out()).toContain("people|desks|topics|sections|agencies list|add|edit|remove");
    expect(await runCli(["topics", "-h"], {})).toBe(0);
    expect(io.out()).toContain("newsdesk topics merge <from> <to> --service <id>");
    expect(await runCli(["topics", "merge", "only-one"], {})).toBe(2);
    expect(await runCli(["desks", "merge", "a", "b"], {})).toBe(2);
    expect(await runCli(["desks", "rename"], {})).toBe(2);
    expect(await runCli(["agencies", "add", "--colour", "red"], {})).toBe(2);
    expect(io.err()).toContain("unknown or incomplete command");
  });

  it("add, list, edit, merge and remove, with clear errors and exit 1 on bad input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-cli-catalog-"));
    try {
      const io = captureOutput();
      const env = {
        DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`,
        LOG_LEVEL: "silent",
      };
      const run = (...argv: string[]) => runCli(argv, env);

      expect(
        await run(
          "people",
          "add",
          "--service",
          "en",
          "--name",
          "Mina Karimi",
          "--title",
          "Correspondent",
          "--bio",
          "Reports from Tbilisi.",
          "--also",
          "fa",
        ),
      ).toBe(0);
      const added = /Added (\S+) "Mina Karimi" to en\./.exec(io.out());
      expect(added).not.toBeNull();
      const id = added?.[1] ?? "";
      expect(await run("people", "list", "--service", "fa", "--q", "mina")).toBe(0);
      expect(io.out()).toContain(`${id}\tMina Karimi\tCorrespondent\talso fa\n`);
      expect(
        await run("people", "edit", id, "--title", "Caucasus correspondent", "--also", "none"),
      ).toBe(0);
      expect(await run("people", "list", "--service", "en", "--q", "karimi")).toBe(0);
      expect(io.out()).toContain(`${id}\tMina Karimi\tCaucasus correspondent\n`);
      expect(await run("people", "add", "--service", "en")).toBe(1);
      expect(io.err()).toContain("VALIDATION_FAILED: name: A name is required.");
      expect(await run("people", "add", "--service", "xx", "--name", "A")).toBe(1);
      expect(io.err()).toContain("--service xx is not a language service.");
      expect(
        await run("people", "add", "--service", "en", "--name", "A", "--photo", "missing"),
      ).toBe(1);
      expect(io.err()).toContain("UNKNOWN_REFERENCE");

      expect(
        await run("desks", "add", "--service", "en", "--name", "Caucasus Desk", "--member", id),
      ).toBe(0);
      const desk = /Added desk (\S+) /.exec(io.out())?.[1] ?? "";
      expect(await run("desks", "list", "--service", "en")).toBe(0);
      expect(io.out()).toContain(`${desk}\tCaucasus Desk\t${id}\n`);

      expect(
        await run("topics", "add", "--service", "en", "--slug", "caucasus", "--name", "Caucasus"),
      ).toBe(0);
      expect(
        await run(
          "topics",
          "add",
          "--service",
          "en",
          "--slug",
          "south-caucasus",
          "--name",
          "South Caucasus",
        ),
      ).toBe(0);
      expect(
        await run("topics", "add", "--service", "en", "--slug", "caucasus", "--name", "Again"),
      ).toBe(1);
      expect(io.err()).toContain("CATALOG_KEY_TAKEN");
      expect(
        await run("topics", "add", "--service", "en", "--slug", "Bad Slug", "--name", "x"),
      ).toBe(1);
      expect(io.err()).toContain("Slugs are lowercase words joined by hyphens.");
      expect(await run("topics", "merge", "south-caucasus", "caucasus", "--service", "en")).toBe(0);
      expect(io.out()).toContain(
        "Merged south-caucasus into caucasus; south-caucasus now redirects to it.",
      );
      expect(await run("topics", "merge", "south-caucasus", "caucasus", "--service", "en")).toBe(1);
      expect(io.err()).toContain('NOT_FOUND: There is no topic "south-caucasus".');
      expect(
        await run("topics", "edit", "caucasus", "--service", "en", "--slug", "the-caucasus"),
      ).toBe(0);
      expect(io.out()).toContain("Saved topic the-caucasus; caucasus now redirects to it.");
      expect(await run("topics", "list", "--service", "en", "--q", "caucasus")).toBe(0);
      expect(io.out()).toContain("the-caucasus\tCaucasus\n");

      expect(
        await run(
          "sections",
          "add",
          "--service",
          "en",
          "--slug",
          "regions",
          "--name",
          "Regions",
          "--position",
          "9",
        ),
      ).toBe(0);
      expect(
        await run(
          "sections",
          "add",
          "--service",
          "en",
          "--slug",
          "feeds",
          "--name",
          "x",
          "--position",
          "1",
        ),
      ).toBe(1);
      expect(io.err()).toContain("reader routes use them");
      expect(
        await run("sections", "edit", "regions", "--service", "en", "--position", "many"),
      ).toBe(1);
      expect(io.err()).toContain("--position must be a whole number.");
      expect(await run("sections", "edit", "regions", "--service", "en", "--slug", "region")).toBe(
        0,
      );
      expect(await run("sections", "list", "--service", "en")).toBe(0);
      expect(io.out()).toContain("9\tregion\tRegions\n");
      expect(await run("sections", "remove", "region", "--service", "en")).toBe(0);

      expect(
        await run(
          "agencies",
          "add",
          "--code",
          "DPA",
          "--name",
          "dpa",
          "--credit",
          "With dpa",
          "--link",
          "https://www.dpa.com/",
        ),
      ).toBe(0);
      expect(await run("agencies", "edit", "DPA", "--link", "none")).toBe(0);
      expect(await run("agencies", "list", "--q", "dpa")).toBe(0);
      expect(io.out()).toContain("DPA\tdpa\tWith dpa\t\n");
      expect(await run("agencies", "add", "--code", "X", "--name", "x", "--link", "ftp://x")).toBe(
        1,
      );
      expect(io.err()).toContain("A link is an http(s) address.");
      expect(await run("agencies", "remove", "DPA")).toBe(0);

      expect(await run("people", "add", "--service", "en", "--name", "M. Karimi")).toBe(0);
      const duplicate = /Added (\S+) "M\. Karimi"/.exec(io.out())?.[1] ?? "";
      expect(await run("people", "merge", duplicate, id)).toBe(0);
      expect(io.out()).toContain(
        `Merged ${duplicate} into ${id} "Mina Karimi"; ${duplicate} now redirects to it.`,
      );
      expect(await run("people", "merge", id, id)).toBe(1);
      expect(io.err()).toContain("A person cannot be merged into themselves.");

      expect(await run("desks", "remove", desk)).toBe(0);
      expect(await run("people", "remove", id)).toBe(0);
      expect(await run("people", "remove", id)).toBe(1);
      expect(io.err()).toContain("NOT_FOUND: There is no such person.");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
