import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { systemActor } from "../domain/actor.js";
import type { ApiKeyService } from "../domain/api/api-key-service.js";
import type { WebhookService } from "../domain/distribution/webhook-service.js";
import { isNewsdeskError, NewsdeskError } from "../domain/error-catalogue.js";
import { openServices } from "../main.js";

const apiKeyHelp = `Usage:
  newsdesk api-key create --name <name> [--rate <requests per minute, default 60>]
                          (prints the key once; only its hash is stored)
  newsdesk api-key list
  newsdesk api-key revoke <id>
`;

const webhookHelp = `Usage:
  newsdesk webhook add --url <https://…> [--event published|updated|corrected|killed|unpublished …]
                       [--service <en|fa|…>]   (prints the signing secret once)
  newsdesk webhook list
  newsdesk webhook remove <id>
  URLs on private, loopback or link-local addresses need WEBHOOK_ALLOW_PRIVATE=1.
`;

const options = {
  name: { type: "string" },
  rate: { type: "string" },
  url: { type: "string" },
  event: { type: "string", multiple: true },
  service: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true }>
>["values"];

/**
 * `newsdesk api-key …` and `newsdesk webhook …`: syndication settings from a shell, as the
 * explicit system actor, through the same domain services (and checks) as the newsroom UI.
 */
export async function runDistributionCommand(
  command: "api-key" | "webhook",
  argv: readonly string[],
  env: Record<string, string | undefined>,
): Promise<number> {
  const help = command === "api-key" ? apiKeyHelp : webhookHelp;
  const actions = command === "api-key" ? ["create", "list", "revoke"] : ["add", "list", "remove"];
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`newsdesk ${command}: ${(error as Error).message}\n\n${help}`);
    return 2;
  }
  const [action, id] = parsed.positionals;
  if (parsed.values.help) {
    process.stdout.write(help);
    return 0;
  }
  const needsId = action === "revoke" || action === "remove";
  if (action === undefined || !actions.includes(action) || (needsId && !id)) {
    process.stderr.write(`newsdesk ${command}: unknown or incomplete command\n\n${help}`);
    return 2;
  }
  try {
    const config = loadConfig(env);
    const opened = await openServices(config);
    try {
      const actor = systemActor(`cli ${command} ${action}`);
      if (command === "api-key") {
        return await apiKeyAction(opened.services.apiKeys, actor, action, id, parsed.values);
      }
      return await webhookAction(opened.services.webhooks, actor, action, id, parsed.values);
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

async function apiKeyAction(
  keys: ApiKeyService,
  actor: ReturnType<typeof systemActor>,
  action: string,
  id: string | undefined,
  values: Values,
): Promise<number> {
  if (action === "create") {
    const { key, record } = await keys.issue(actor, {
      name: values.name ?? "",
      ...(values.rate === undefined ? {} : { rateLimitPerMinute: integer("--rate", values.rate) }),
    });
    process.stdout.write(
      `Issued API key ${record.id} "${record.name}" (${record.rateLimitPerMinute} requests per minute).\n` +
        `Key (shown once; send it as "Authorization: Bearer <key>"):\n${key}\n`,
    );
    return 0;
  }
  if (action === "list") {
    const list = await keys.list(actor);
    if (list.length === 0) process.stdout.write("No API keys.\n");
    for (const key of list) {
      const state = key.revokedAt ? `revoked ${key.revokedAt}` : "active";
      process.stdout.write(
        `${key.id}\t${key.name}\t${key.rateLimitPerMinute}/min\tcreated ${key.createdAt}\t${state}\n`,
      );
    }
    return 0;
  }
  await keys.revoke(actor, id ?? "");
  process.stdout.write(`Revoked API key ${id}.\n`);
  return 0;
}

async function webhookAction(
  webhooks: WebhookService,
  actor: ReturnType<typeof systemActor>,
  action: string,
  id: string | undefined,
  values: Values,
): Promise<number> {
  if (action === "add") {
    const subscription = await webhooks.subscribe(actor, {
      url: values.url ?? "",
      ...(values.event ? { events: values.event } : {}),
      ...(values.service ? { serviceId: values.service } : {}),
    });
    process.stdout.write(
      `Subscribed webhook ${subscription.id} → ${subscription.url}\n` +
        `Events: ${subscription.events.join(", ")}; service: ${subscription.serviceId ?? "all"}\n` +
        `Signing secret (shown once; verify the Newsdesk-Signature header with it):\n${subscription.secret}\n`,
    );
    return 0;
  }
  if (action === "list") {
    const list = await webhooks.subscriptions(actor);
    if (list.length === 0) process.stdout.write("No webhook subscriptions.\n");
    for (const s of list) {
      process.stdout.write(
        `${s.id}\t${s.url}\t${s.events.join(",")}\t${s.serviceId ?? "all services"}\tcreated ${s.createdAt}\n`,
      );
    }
    return 0;
  }
  await webhooks.unsubscribe(actor, id ?? "");
  process.stdout.write(`Removed webhook ${id} and its delivery log.\n`);
  return 0;
}

function integer(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) {
    throw new NewsdeskError("VALIDATION_FAILED", { detail: `${flag} must be a whole number.` });
  }
  return n;
}
