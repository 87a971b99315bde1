import type { Command } from 'commander';
import { action, clientIdOf } from '../context';
import { CliError, EXIT, print, table } from '../output';

export function knowledgeCommands(program: Command): void {
  program
    .command('check <command>')
    .description('Check a command against what failed before on a host: OK, WARN or BLOCK, with an alternative')
    .requiredOption('--host <hostname>', 'the host it would run on')
    .option('--client <slug|id>', 'the client, when several have a host of that name')
    .option('--shell <shell>', 'the shell it would run in')
    .addHelpText('after', '\nExample:\n  msp check "Get-LocalUser" --host AD2')
    .action(
      action(async ({ api, options }, command: string, opts: { host: string; client?: string; shell?: string }) => {
        const clientId = opts.client ? await clientIdOf(api(), opts.client) : undefined;
        const { environmentContext } = await api().EnvironmentContext({
          hostname: opts.host,
          command,
          ...(clientId ? { clientId } : {}),
          ...(opts.shell ? { shell: opts.shell } : {}),
        });
        print(options, environmentContext, () => environmentContext.text);
      }),
    );

  program
    .command('context <client>')
    .description("A client's context: last sessions, open tasks, credentials used lately, topology, insights")
    .addHelpText('after', '\nExample:\n  msp context dataforth')
    .option('--limit <n>', 'how many sessions', '5')
    .action(
      action(async ({ api, options }, client: string, opts: { limit: string }) => {
        const { contextRecovery } = await api().ContextRecovery({ clientId: await clientIdOf(api(), client), limit: Number(opts.limit) });
        print(options, contextRecovery, () => contextRecovery.text);
      }),
    );

  program
    .command('search <text>')
    .description('Search sessions, work, commands, problems and notes; ranked hits with snippets')
    .addHelpText('after', '\nExample:\n  msp search "spooler keeps stopping" --client dataforth')
    .option('--client <slug|id>', 'only this client')
    .option('--mode <mode>', 'only sessions of this mode (normal: the knowledge base)')
    .option('--first <n>', 'how many hits', '10')
    .action(
      action(async ({ api, options }, text: string, opts: { client?: string; mode?: string; first: string }) => {
        const clientId = opts.client ? await clientIdOf(api(), opts.client) : undefined;
        const filter = {
          ...(clientId ? { clientId } : {}),
          ...(opts.mode ? { mode: opts.mode.toUpperCase() as 'MSP' | 'DEV' | 'NORMAL' } : {}),
        };
        const { search } = await api().Search({ text, filter, first: Number(opts.first) });
        print(options, search, () => search.text);
      }),
    );

  program
    .command('similar <description>')
    .description('Problems solved before that look like this one, ranked, with why')
    .addHelpText('after', '\nExample:\n  msp similar "Outlook asks for the password again and again"')
    .option('--client <slug|id>', "prefer this client's history")
    .option('--top <n>', 'how many', '3')
    .action(
      action(async ({ api, options }, description: string, opts: { client?: string; top: string }) => {
        const clientId = opts.client ? await clientIdOf(api(), opts.client) : undefined;
        const { similarProblems } = await api().SimilarProblems({ description, top: Number(opts.top), ...(clientId ? { clientId } : {}) });
        print(options, similarProblems, () => similarProblems.text);
      }),
    );
}

/** A day (2026-10-01) or a full ISO time, as the ISO time the API takes. */
function isoTime(value: string, option: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  if (Number.isNaN(Date.parse(iso)))
    throw new CliError(`${option} must be a date such as 2026-10-01 (or an ISO time).`, EXIT.usage, 'BAD_USER_INPUT');
  return iso;
}

const csvCell = (value: unknown) => {
  const text = value == null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function reportCommand(program: Command): void {
  program
    .command('report')
    .description('Sessions, hours, billable hours and amounts billed in [from, to), grouped as asked')
    .requiredOption('--from <date>', 'first day, for example 2026-10-01')
    .requiredOption('--to <date>', 'the day after the last, for example 2027-01-01')
    .option('--client <slug|id>', 'only this client')
    .option('--group-by <groups>', 'comma-separated: client, project, category, month, machine')
    .option('--csv', 'one line per group, for a spreadsheet')
    .addHelpText('after', '\nExample:\n  msp report --client dataforth --from 2026-10-01 --to 2027-01-01 --group-by month,category --csv')
    .action(
      action(async ({ api, options }, opts: { from: string; to: string; client?: string; groupBy?: string; csv?: boolean }) => {
        const clientId = opts.client ? await clientIdOf(api(), opts.client) : undefined;
        const groupBy = (opts.groupBy ?? '')
          .split(',')
          .filter(Boolean)
          .map((g) => g.trim().toUpperCase()) as ('CLIENT' | 'PROJECT' | 'CATEGORY' | 'MONTH' | 'MACHINE')[];
        const { report } = await api().Report({
          filter: { from: isoTime(opts.from, '--from'), to: isoTime(opts.to, '--to'), ...(clientId ? { clientId } : {}) },
          groupBy,
        });
        const figures = (f: (typeof report)['total']) => [
          f.sessions,
          f.hours,
          f.billableHours,
          f.billableValue,
          f.billedAmount,
          f.unbilledAmount,
        ];
        const rows = [
          ...report.groups.map((g) => [
            g.key.clientName,
            g.key.projectName,
            g.key.category,
            g.key.month,
            g.key.machineHostname,
            ...figures(g.figures),
          ]),
          ['total', null, null, null, null, ...figures(report.total)],
        ];
        const headers = [
          'client',
          'project',
          'category',
          'month',
          'machine',
          'sessions',
          'hours',
          'billable hours',
          'billable value',
          'billed',
          'unbilled',
        ];
        if (opts.csv) {
          process.stdout.write(`${[headers, ...rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`);
          return;
        }
        print(options, report, () => `${report.text}\n\n${table(headers, rows)}`);
      }),
    );
}
