import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { type Actor, systemActor } from "../domain/actor.js";
import { isNewsdeskError, NewsdeskError } from "../domain/error-catalogue.js";
import type { CatalogService } from "../domain/people/catalog-service.js";
import { type ServiceId, serviceIds } from "../domain/services/service-registry.js";
import { openServices } from "../main.js";

export const catalogCommands = ["people", "desks", "topics", "sections", "agencies"] as const;
type CatalogCommand = (typeof catalogCommands)[number];

const help: Record<CatalogCommand, string> = {
  people: `Usage:
  newsdesk people list --service <id> [--q <words>]
  newsdesk people add --service <id> --name <name> [--title <title>] [--bio <text>]
                      [--photo <media id>] [--also <service id> …]
  newsdesk people edit <id> [--name …] [--title …] [--bio …] [--photo <media id>|none] [--also … | --also none]
  newsdesk people merge <from id> <to id>
                      (bylines move to <to>; <from>'s author page redirects to it)
  newsdesk people remove <id>          (refused while a story bylines them)
`,
  desks: `Usage:
  newsdesk desks list --service <id> [--q <words>]
  newsdesk desks add --service <id> --name <name> [--description <text>] [--member <person id> …]
  newsdesk desks edit <id> [--name …] [--description …] [--member … | --member none]
  newsdesk desks remove <id>           (refused while a story bylines the desk)
`,
  topics: `Usage:
  newsdesk topics list --service <id> [--q <words>]
  newsdesk topics add --service <id> --slug <slug> --name <name> [--description <text>]
  newsdesk topics edit <slug> --service <id> [--slug <new slug>] [--name …] [--description …]
                      (a new slug leaves a permanent redirect from the old address)
  newsdesk topics merge <from> <to> --service <id>
                      (stories move to <to>; <from>'s page and feeds redirect to it)
  newsdesk topics remove <slug> --service <id>   (refused while stories use it: merge instead)
`,
  sections: `Usage:
  newsdesk sections list --service <id>
  newsdesk sections add --service <id> --slug <slug> --name <name> --position <n>
  newsdesk sections edit <slug> --service <id> [--slug <new slug>] [--name …] [--position <n>]
                      (a new slug moves the section's stories and redirects the old address)
  newsdesk sections remove <slug> --service <id>  (refused while stories are in it)
`,
  agencies: `Usage:
  newsdesk agencies list [--q <words>]
  newsdesk agencies add --code <CODE> --name <name> [--credit <credit line>] [--link <https://…>]
  newsdesk agencies edit <CODE> [--name …] [--credit …] [--link <url>|none]
  newsdesk agencies remove <CODE>      (refused while a story credits it)
`,
};

const options = {
  service: { type: "string" },
  q: { type: "string" },
  name: { type: "string" },
  title: { type: "string" },
  bio: { type: "string" },
  photo: { type: "string" },
  also: { type: "string", multiple: true },
  description: { type: "string" },
  member: { type: "string", multiple: true },
  slug: { type: "string" },
  position: { type: "string" },
  code: { type: "string" },
  credit: { type: "string" },
  link: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true }>
>["values"];

/** Positional arguments each action needs after the action itself. */
const arity: Record<string, number> = { list: 0, add: 0, edit: 1, remove: 1, merge: 2 };

/**
 * `newsdesk people|desks|topics|sections|agencies …`: the newsroom's reference data from a
 * shell, as the explicit system actor, through the same CatalogService (validation, slug
 * rules, redirects, audit) as the newsroom screens.
 */
export async function runCatalogCommand(
  command: CatalogCommand,
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`newsdesk ${command}: ${(error as Error).message}\n\n${help[command]}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(help[command]);
    return 0;
  }
  const [action = "", ...rest] = parsed.positionals;
  const wanted = arity[action];
  const allowed = command === "topics" || command === "people" || action !== "merge";
  if (wanted === undefined || !allowed || rest.length !== wanted) {
    process.stderr.write(`newsdesk ${command}: unknown or incomplete command\n\n${help[command]}`);
    return 2;
  }
  try {
    const config = loadConfig(env);
    const opened = await openServices(config);
    try {
      const actor = systemActor(`cli ${command} ${action}`);
      const run = { catalog: opened.services.catalogAdmin, actor, values: parsed.values, rest };
      switch (command) {
        case "people":
          return await people(action, run);
        case "desks":
          return await desks(action, run);
        case "topics":
          return await topics(action, run);
        case "sections":
          return await sections(action, run);
        case "agencies":
          return await agencies(action, run);
      }
    } finally {
      await opened.close();
    }
  } catch (error) {
    if (isNewsdeskError(error)) {
      process.stderr.write(`newsdesk: ${error.code}: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`newsdesk: ${(error as Error).message}\n`);
    return 1;
  }
}

interface Run {
  readonly catalog: CatalogService;
  readonly actor: Actor;
  readonly values: Values;
  readonly rest: readonly string[];
}

const write = (line: string) => process.stdout.write(`${line}\n`);

function service(values: Values): ServiceId {
  const id = values.service;
  if (id === undefined) throw invalid("--service is required (en, fa, …).");
  if (!(serviceIds as readonly string[]).includes(id)) {
    throw invalid(`--service ${id} is not a language service.`);
  }
  return id as ServiceId;
}

function invalid(detail: string): NewsdeskError {
  return new NewsdeskError("VALIDATION_FAILED", { detail });
}

/** `--x none` clears a list or a link; absent keeps what is there. */
function list(values: readonly string[] | undefined, current: readonly string[]) {
  if (values === undefined) return [...current];
  return values.length === 1 && values[0] === "none" ? [] : [...values];
}

function nullable(value: string | undefined, current: string | null | undefined) {
  if (value === undefined) return current ?? null;
  return value === "none" ? null : value;
}

function position(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,5}$/.test(value)) throw invalid("--position must be a whole number.");
  return Number(value);
}

async function people(action: string, { catalog, actor, values, rest }: Run) {
  const [id = ""] = rest;
  switch (action) {
    case "list": {
      const found = await catalog.listPeople(actor, service(values), { q: values.q });
      if (found.length === 0) write("No people.");
      for (const p of found) {
        const also = p.alsoWritesFor?.length ? `\talso ${p.alsoWritesFor.join(",")}` : "";
        write(`${p.id}\t${p.name}\t${p.title}${also}`);
      }
      return 0;
    }
    case "add": {
      const person = await catalog.createPerson(actor, service(values), {
        name: values.name ?? "",
        title: values.title ?? "",
        bio: values.bio ?? "",
        photoMediaId: nullable(values.photo, null),
        alsoWritesFor: list(values.also, []),
      });
      write(`Added ${person.id} "${person.name}" to ${person.serviceId}.`);
      return 0;
    }
    case "edit": {
      const before = await catalog.person(actor, id);
      const person = await catalog.editPerson(actor, id, {
        name: values.name ?? before.name,
        title: values.title ?? before.title,
        bio: values.bio ?? before.bio ?? "",
        photoMediaId: nullable(values.photo, before.photoMediaId),
        alsoWritesFor: list(values.also, before.alsoWritesFor ?? []),
      });
      write(`Saved ${person.id} "${person.name}".`);
      return 0;
    }
    case "merge": {
      const survivor = await catalog.mergePerson(actor, id, rest[1] ?? "");
      write(`Merged ${id} into ${survivor.id} "${survivor.name}"; ${id} now redirects to it.`);
      return 0;
    }
    default:
      await catalog.removePerson(actor, id);
      write(`Removed ${id}.`);
      return 0;
  }
}

async function desks(action: string, { catalog, actor, values, rest }: Run) {
  const [id = ""] = rest;
  switch (action) {
    case "list": {
      const found = await catalog.listDesks(actor, service(values), { q: values.q });
      if (found.length === 0) write("No desks.");
      for (const d of found) write(`${d.id}\t${d.name}\t${(d.members ?? []).join(",")}`);
      return 0;
    }
    case "add": {
      const desk = await catalog.createDesk(actor, service(values), {
        name: values.name ?? "",
        description: values.description ?? "",
        members: list(values.member, []),
      });
      write(`Added desk ${desk.id} "${desk.name}" to ${desk.serviceId}.`);
      return 0;
    }
    case "edit": {
      const before = await catalog.desk(actor, id);
      const desk = await catalog.editDesk(actor, id, {
        name: values.name ?? before.name,
        description: values.description ?? before.description,
        members: list(values.member, before.members ?? []),
      });
      write(`Saved desk ${desk.id} "${desk.name}".`);
      return 0;
    }
    default:
      await catalog.removeDesk(actor, id);
      write(`Removed desk ${id}.`);
      return 0;
  }
}

async function topics(action: string, { catalog, actor, values, rest }: Run) {
  const [slug = "", into = ""] = rest;
  switch (action) {
    case "list": {
      const found = await catalog.listTopics(actor, service(values), { q: values.q });
      if (found.length === 0) write("No topics.");
      for (const t of found) write(`${t.slug}\t${t.name}`);
      return 0;
    }
    case "add": {
      const topic = await catalog.createTopic(actor, service(values), {
        slug: values.slug ?? "",
        name: values.name ?? "",
        description: values.description ?? "",
      });
      write(`Added topic ${topic.slug} "${topic.name}".`);
      return 0;
    }
    case "edit": {
      const serviceId = service(values);
      const before = (await catalog.listTopics(actor, serviceId)).find((t) => t.slug === slug);
      if (!before) throw new NewsdeskError("NOT_FOUND", { detail: `There is no topic "${slug}".` });
      const topic = await catalog.editTopic(actor, serviceId, slug, {
        slug: values.slug ?? before.slug,
        name: values.name ?? before.name,
        description: values.description ?? before.description ?? "",
      });
      write(
        topic.slug === slug
          ? `Saved topic ${topic.slug}.`
          : `Saved topic ${topic.slug}; ${slug} now redirects to it.`,
      );
      return 0;
    }
    case "merge": {
      const survivor = await catalog.mergeTopic(actor, service(values), slug, into);
      write(`Merged ${slug} into ${survivor.slug}; ${slug} now redirects to it.`);
      return 0;
    }
    default:
      await catalog.removeTopic(actor, service(values), slug);
      write(`Removed topic ${slug}.`);
      return 0;
  }
}

async function sections(action: string, { catalog, actor, values, rest }: Run) {
  const [slug = ""] = rest;
  switch (action) {
    case "list": {
      for (const s of await catalog.listSections(actor, service(values))) {
        write(`${s.position}\t${s.slug}\t${s.name}`);
      }
      return 0;
    }
    case "add": {
      const section = await catalog.createSection(actor, service(values), {
        slug: values.slug ?? "",
        name: values.name ?? "",
        position: position(values.position) ?? 0,
      });
      write(`Added section ${section.slug} "${section.name}".`);
      return 0;
    }
    case "edit": {
      const serviceId = service(values);
      const before = (await catalog.listSections(actor, serviceId)).find((s) => s.slug === slug);
      if (!before)
        throw new NewsdeskError("NOT_FOUND", { detail: `There is no section "${slug}".` });
      const section = await catalog.editSection(actor, serviceId, slug, {
        slug: values.slug ?? before.slug,
        name: values.name ?? before.name,
        position: position(values.position) ?? before.position,
      });
      write(
        section.slug === slug
          ? `Saved section ${section.slug}.`
          : `Saved section ${section.slug}; ${slug} now redirects to it.`,
      );
      return 0;
    }
    default:
      await catalog.removeSection(actor, service(values), slug);
      write(`Removed section ${slug}.`);
      return 0;
  }
}

async function agencies(action: string, { catalog, actor, values, rest }: Run) {
  const [code = ""] = rest;
  switch (action) {
    case "list": {
      const found = await catalog.listAgencies(actor, { q: values.q });
      if (found.length === 0) write("No agencies.");
      for (const a of found) write(`${a.code}\t${a.name}\t${a.creditLine ?? ""}\t${a.link ?? ""}`);
      return 0;
    }
    case "add": {
      const agency = await catalog.createAgency(actor, {
        code: values.code ?? "",
        name: values.name ?? "",
        creditLine: values.credit ?? "",
        link: nullable(values.link, null),
      });
      write(`Added agency ${agency.code} "${agency.name}".`);
      return 0;
    }
    case "edit": {
      const before = (await catalog.listAgencies(actor)).find((a) => a.code === code);
      if (!before)
        throw new NewsdeskError("NOT_FOUND", { detail: `There is no agency "${code}".` });
      const agency = await catalog.editAgency(actor, code, {
        name: values.name ?? before.name,
        creditLine: values.credit ?? before.creditLine ?? "",
        link: nullable(values.link, before.link),
      });
      write(`Saved agency ${agency.code}.`);
      return 0;
    }
    default:
      await catalog.removeAgency(actor, code);
      write(`Removed agency ${code}.`);
      return 0;
  }
}
