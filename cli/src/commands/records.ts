import { paginate, type MspClient, type PageNode } from '@msp-tracker/sdk';
import type { Command } from 'commander';
import { action, clientIdOf } from '../context';
import { CliError, EXIT, print, table } from '../output';
import { readSecret } from '../prompt';
import { readQueue, replayQueue } from '../queue';

export function taskCommands(program: Command): void {
  const task = program.command('task').description('Pending tasks: add, done, list');

  task
    .command('add <title>')
    .description('Add a task to do later')
    .addHelpText('after', '\nExample:\n  msp task add "Order a UPS battery" --client dataforth --due 2027-01-15')
    .option('--client <slug|id>', 'the client it is for')
    .option('--due <date>', 'due date, for example 2026-12-24')
    .option('--notes <text>', 'details')
    .action(
      action(async ({ api, options }, title: string, opts: { client?: string; due?: string; notes?: string }) => {
        const clientId = opts.client ? await clientIdOf(api(), opts.client) : undefined;
        const { addPendingTask } = await api().AddPendingTask({
          input: {
            title,
            ...(clientId ? { clientId } : {}),
            ...(opts.due ? { dueDate: opts.due } : {}),
            ...(opts.notes ? { notes: opts.notes } : {}),
          },
        });
        print(options, addPendingTask, () => `Added task ${addPendingTask.id}: ${addPendingTask.title}`);
      }),
    );

  task
    .command('done <id>')
    .description('Mark a task done')
    .addHelpText('after', '\nExample:\n  msp task done 12')
    .action(
      action(async ({ api, options }, id: string) => {
        const { completePendingTask } = await api().CompletePendingTask({ input: { pendingTaskId: id } });
        print(options, completePendingTask, () => `Done: ${completePendingTask.title}`);
      }),
    );

  task
    .command('list')
    .description('Open tasks, soonest due first (--all: done ones too)')
    .addHelpText('after', '\nExample:\n  msp task list --client dataforth --json')
    .option('--client <slug|id>', 'only this client')
    .option('--all', 'done ones too')
    .action(
      action(async ({ api, options }, opts: { client?: string; all?: boolean }) => {
        const clientId = opts.client ? await clientIdOf(api(), opts.client) : undefined;
        const filter = { ...(clientId ? { clientId } : {}), ...(opts.all ? {} : { status: 'OPEN' as const }) };
        const tasks: PageNode<Awaited<ReturnType<MspClient['PendingTasks']>>>[] = [];
        for await (const node of paginate(api().PendingTasks, { filter, first: 100 })) tasks.push(node);
        print(options, tasks, () =>
          tasks.length
            ? table(
                ['id', 'title', 'client', 'due', 'status'],
                tasks.map((t) => [t.id, t.title, t.client?.name, t.dueDate, t.status]),
              )
            : 'No tasks.',
        );
      }),
    );
}

export function credentialCommands(program: Command): void {
  const cred = program.command('cred').description('Credentials in the vault: put and get (every reveal is audited)');

  cred
    .command('put')
    .description('Store a credential; the value comes from stdin or a hidden prompt, never an argument')
    .requiredOption('--name <name>', 'what it opens, for example "AD2 local administrator"')
    .option('--client <slug|id>', 'the client it belongs to')
    .option('--infrastructure <id>', 'the host it opens')
    .option('--username <user>', 'the account name')
    .option('--kind <kind>', 'PASSWORD, API_KEY, CERTIFICATE or OTHER', 'PASSWORD')
    .addHelpText('after', '\nExample:\n  printf %s "$SECRET" | msp cred put --name "NAS admin" --client dataforth --username admin')
    .action(
      action(
        async ({ api, options }, opts: { name: string; client?: string; infrastructure?: string; username?: string; kind: string }) => {
          const value = await readSecret('Value: ');
          if (!value) throw new CliError('No value given (pipe it in or type it at the prompt).', EXIT.usage, 'BAD_USER_INPUT');
          const clientId = opts.client ? await clientIdOf(api(), opts.client) : undefined;
          const { storeCredential } = await api().StoreCredential({
            input: {
              value,
              name: opts.name,
              ...(clientId ? { clientId } : {}),
              ...(opts.infrastructure ? { infrastructureId: opts.infrastructure } : {}),
              ...(opts.username ? { username: opts.username } : {}),
              kind: opts.kind.toUpperCase() as never,
            },
          });
          print(options, { id: storeCredential.id }, () => `Stored credential ${storeCredential.id}.`);
        },
      ),
    );

  cred
    .command('get <id>')
    .description('Reveal a credential (audited with your reason); the value is printed only with --show')
    .addHelpText('after', '\nExample:\n  msp cred get 7 --reason "NAS firmware update" --show')
    .requiredOption('--reason <text>', 'why you need it, for the audit log')
    .option('--show', 'print the value itself')
    .action(
      action(async ({ api, options }, id: string, opts: { reason: string; show?: boolean }) => {
        const { revealCredential } = await api().RevealCredential({ input: { credentialId: id, reason: opts.reason } });
        const shown = opts.show
          ? revealCredential
          : { credentialId: revealCredential.credentialId, revealedAt: revealCredential.revealedAt };
        print(options, shown, () =>
          opts.show
            ? revealCredential.value
            : `Revealed credential ${id} at ${revealCredential.revealedAt} (audited); add --show to print it.`,
        );
      }),
    );
}

export function syncCommand(program: Command): void {
  program
    .command('sync')
    .description('Send the writes queued while the service was unreachable, in order; show the ones it refused')
    .addHelpText('after', '\nExample:\n  msp sync --json')
    .option('--retry-refused', 'send the refused ones again too')
    .action(
      action(async ({ api, options }, opts: { retryRefused?: boolean }) => {
        if (!readQueue().length) return print(options, { sent: 0, waiting: 0, refused: [] }, () => 'Nothing queued.');
        const result = await replayQueue(api(), opts.retryRefused);
        print(options, result, () =>
          [
            `Sent ${result.sent} queued write(s); ${result.waiting} still waiting for the service.`,
            ...result.refused.map((e) => `refused: ${e.operation} (${e.refused!.code}) ${e.refused!.message}`),
          ].join('\n'),
        );
        if (result.refused.length || result.waiting) process.exitCode = result.waiting ? EXIT.unreachable : EXIT.conflict;
      }),
    );
}
