import { paginate, type MspClient, type PageNode, type WebhookEvent } from '@msp-tracker/sdk';
import type { Command } from 'commander';
import { action } from '../context';
import { CliError, EXIT, print, table } from '../output';

const EVENTS: Record<string, WebhookEvent> = {
  'session.ended': 'SESSION_ENDED',
  'session.posted': 'SESSION_POSTED',
  'command.failed': 'COMMAND_FAILED',
  'credential.revealed': 'CREDENTIAL_REVEALED',
  'security_incident.recorded': 'SECURITY_INCIDENT_RECORDED',
  'billing.locked': 'BILLING_LOCKED',
};

/** "session.ended,credential.revealed" (or the GraphQL spelling) as the API's event names. */
function eventsOf(list: string): WebhookEvent[] {
  return list.split(',').map((raw) => {
    const name = raw.trim();
    const event = EVENTS[name] ?? Object.values(EVENTS).find((e) => e === name.toUpperCase());
    if (!event)
      throw new CliError(`"${name}" is not an event; choose from ${Object.keys(EVENTS).join(', ')}`, EXIT.usage, 'BAD_USER_INPUT');
    return event;
  });
}

/** `msp webhook`: outbound webhook subscriptions and their delivery log (admins). */
export function webhookCommands(program: Command): void {
  const webhook = program.command('webhook').description('Outbound webhooks (admins): add, list, enable, disable, remove, deliveries');

  webhook
    .command('add <url>')
    .description('Subscribe a URL to events; prints the generated signing secret once')
    .requiredOption('--events <list>', `comma-separated: ${Object.keys(EVENTS).join(', ')}`)
    .option('--description <text>', 'what it is for')
    .addHelpText('after', '\nExample:\n  msp webhook add https://n8n.example.com/webhook/msp --events credential.revealed,session.ended')
    .action(
      action(async ({ api, options }, url: string, opts: { events: string; description?: string }) => {
        const { createWebhook } = await api().CreateWebhook({
          input: { url, events: eventsOf(opts.events), ...(opts.description ? { description: opts.description } : {}) },
        });
        print(
          options,
          createWebhook,
          () => `Webhook ${createWebhook.webhook.id} added. Signing secret (shown only now): ${createWebhook.secret}`,
        );
      }),
    );

  webhook
    .command('list')
    .description('Webhooks, with whether they are enabled and their last error')
    .addHelpText('after', '\nExample:\n  msp webhook list --json')
    .action(
      action(async ({ api, options }) => {
        const rows: PageNode<Awaited<ReturnType<MspClient['Webhooks']>>>[] = [];
        for await (const node of paginate(api().Webhooks, { first: 100 })) rows.push(node);
        print(options, rows, () =>
          rows.length
            ? table(
                ['id', 'url', 'events', 'enabled', 'failures', 'last error'],
                rows.map((w) => [w.id, w.url, w.events.join(','), String(w.enabled), String(w.consecutiveFailures), w.lastError]),
              )
            : 'No webhooks.',
        );
      }),
    );

  for (const [name, verb] of [
    ['enable', 'Enable a webhook again (failure count reset)'],
    ['disable', 'Stop sending to a webhook'],
  ] as const) {
    webhook
      .command(`${name} <id>`)
      .description(verb)
      .addHelpText('after', `\nExample:\n  msp webhook ${name} 3`)
      .action(
        action(async ({ api, options }, id: string) => {
          const result =
            name === 'enable'
              ? (await api().EnableWebhook({ input: { id } })).enableWebhook
              : (await api().DisableWebhook({ input: { id } })).disableWebhook;
          print(options, result, () => `Webhook ${result.id} ${result.enabled ? 'enabled' : 'disabled'}.`);
        }),
      );
  }

  webhook
    .command('remove <id>')
    .description('Delete a webhook and its delivery log')
    .addHelpText('after', '\nExample:\n  msp webhook remove 3')
    .action(
      action(async ({ api, options }, id: string) => {
        const { deleteWebhook } = await api().DeleteWebhook({ input: { id } });
        print(options, deleteWebhook, () => `Webhook ${deleteWebhook.id} removed with ${deleteWebhook.deliveriesDeleted} deliveries.`);
      }),
    );

  webhook
    .command('deliveries')
    .description('The delivery log, newest first')
    .option('--webhook <id>', 'only this webhook')
    .option('--status <status>', 'PENDING, DELIVERED or FAILED')
    .option('--limit <n>', 'how many (1-100)', '20')
    .addHelpText('after', '\nExample:\n  msp webhook deliveries --webhook 3 --status FAILED')
    .action(
      action(async ({ api, options }, opts: { webhook?: string; status?: string; limit: string }) => {
        const status = opts.status?.toUpperCase();
        if (status && !['PENDING', 'DELIVERED', 'FAILED'].includes(status))
          throw new CliError('--status must be PENDING, DELIVERED or FAILED', EXIT.usage, 'BAD_USER_INPUT');
        const filter = { ...(opts.webhook ? { webhookId: opts.webhook } : {}), ...(status ? { status: status as 'PENDING' } : {}) };
        const { webhookDeliveries } = await api().WebhookDeliveries({
          filter,
          first: Math.min(100, Math.max(1, Number(opts.limit) || 20)),
        });
        const rows = webhookDeliveries.nodes;
        print(options, rows, () =>
          rows.length
            ? table(
                ['id', 'webhook', 'event', 'status', 'attempts', 'last error'],
                rows.map((d) => [d.id, d.webhook.id, d.event, d.status, String(d.attempts), d.lastError]),
              )
            : 'No deliveries.',
        );
      }),
    );
}
