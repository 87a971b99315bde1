import type { Command } from 'commander';
import type { MspClient } from '@msp-tracker/sdk';
import { action, currentSessionId } from '../context';
import { CliError, EXIT, print } from '../output';

/** The integration to use: --integration, else the only one there is. */
async function integrationIdOf(api: MspClient, given?: string): Promise<string> {
  if (given) return given;
  const { integrations } = await api.Integrations({ first: 2 });
  const active = integrations.nodes.filter((i) => !i.archivedAt);
  if (active.length === 1) return active[0].id;
  throw new CliError(
    active.length
      ? 'Several PSA integrations exist: give --integration <id>.'
      : 'No PSA integration is configured (an admin adds one with createIntegration).',
    EXIT.usage,
    'BAD_USER_INPUT',
  );
}

export function ticketCommands(program: Command): void {
  const ticket = program.command('ticket').description('PSA tickets: find one, post a session to it');

  ticket
    .command('search [text]')
    .description('Search the PSA’s tickets (number, subject, customer, status)')
    .option('--integration <id>', 'the PSA integration (default: the only one)')
    .option('--customer <name|id>', 'only this PSA customer')
    .option('--status <status>', 'only this status (Syncro: also "Not Closed")')
    .option('--first <n>', 'how many tickets', '20')
    .addHelpText('after', '\nExample:\n  msp ticket search "local accounts" --customer Dataforth --status "Not Closed"')
    .action(
      action(
        async (
          { api, options },
          text: string | undefined,
          opts: { integration?: string; customer?: string; status?: string; first: string },
        ) => {
          const integrationId = await integrationIdOf(api(), opts.integration);
          const { searchTickets } = await api().SearchTickets({
            integrationId,
            query: text,
            customer: opts.customer,
            status: opts.status,
            first: Number(opts.first),
          });
          print(options, searchTickets, () => searchTickets.text);
        },
      ),
    );

  ticket
    .command('post <ticket>')
    .description('Post a session to a PSA ticket: summary comment and billable time, once; the session is then locked as posted')
    .option('--integration <id>', 'the PSA integration (default: the only one)')
    .option('--session <id>', 'the session (default: the current one)')
    .option('--id', 'the argument is the PSA’s internal ticket id, not the number people see')
    .option('--no-comment', 'post no comment')
    .option('--no-time', 'post no time')
    .option('--key <idempotencyKey>', 'idempotency key for a retry')
    .addHelpText(
      'after',
      '\nExample:\n  msp ticket post 1042                 # ticket number 1042, current session\n  msp ticket post 123456 --id --session 17',
    )
    .action(
      action(
        async (
          { api, config, options },
          ref: string,
          opts: { integration?: string; session?: string; id?: boolean; comment: boolean; time: boolean; key?: string },
        ) => {
          const integrationId = await integrationIdOf(api(), opts.integration);
          const sessionId = opts.session ?? currentSessionId(config);
          const { postSessionToTicket } = await api().PostSessionToTicket({
            input: {
              sessionId,
              integrationId,
              ticket: opts.id ? { id: ref } : { number: ref },
              comment: opts.comment,
              timeEntry: opts.time,
              ...(opts.key ? { idempotencyKey: opts.key } : {}),
            },
          });
          print(options, postSessionToTicket, () => postSessionToTicket.text);
        },
      ),
    );
}
