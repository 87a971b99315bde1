import type { Command } from 'commander';
import { isUnreachable } from '../api';
import { action, currentClientId, currentSessionId, hostIdOf } from '../context';
import { CliError, EXIT, print } from '../output';
import { writeOrQueue } from '../queue';
import { redactSecrets } from '../redact';
import { runCommand } from '../run-command';

const FILE_KINDS = ['created', 'modified', 'deleted', 'renamed'];
const NOTE_KINDS = ['decision', 'finding', 'learning'];

/** The argument list as a POSIX shell line, quoted where needed, so a recorded command can be pasted back. */
const shellLine = (argv: string[]) => argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');

const queuedLine = (what: string) => `The service is unreachable: ${what} is queued (msp sync sends it; nothing is lost or doubled).`;

export function logCommands(program: Command): void {
  const log = program.command('log').description('Record work, commands and files in the current session (queued when offline)');

  log
    .command('work <text>')
    .description('Log work; the service finds its category and tags in the text')
    .option('--minutes <n>', 'time spent', '15')
    .option('--category <category>', 'override the category the service would pick')
    .addHelpText('after', '\nExample:\n  msp log work "Replaced the UPS battery in the server room" --minutes 30')
    .action(
      action(async ({ api, config, options }, text: string, opts: { minutes: string; category?: string }) => {
        const minutes = Number(opts.minutes);
        if (!Number.isInteger(minutes) || minutes < 1)
          throw new CliError('--minutes must be a whole number of at least 1.', EXIT.usage, 'BAD_USER_INPUT');
        const input = {
          sessionId: currentSessionId(config),
          description: text,
          minutes,
          ...(opts.category ? { category: opts.category.toUpperCase() } : {}),
        };
        const outcome = await writeOrQueue<{ logWorkItem: { id: string; category: string } }>(api(), 'LogWorkItem', input);
        if (outcome.queued) return print(options, { queued: true }, () => queuedLine('the work item'));
        print(
          options,
          outcome.result.logWorkItem,
          () => `Logged work item ${outcome.result.logWorkItem.id} (${outcome.result.logWorkItem.category}, ${minutes} min).`,
        );
      }),
    );

  log
    .command('cmd')
    .description('Run a command, record its exit code, duration and output (secrets redacted), and exit with its code')
    .argument('<command...>', 'the command and its arguments, after --')
    .option('--host <hostname>', 'the host it ran against')
    .option('--shell <shell>', 'the shell it ran in', process.env.SHELL?.split('/').pop() ?? 'sh')
    .addHelpText('after', '\nExample:\n  msp log cmd --host AD2 -- ping -c 1 192.168.0.6')
    .action(
      action(async ({ api, config, options }, argv: string[], opts: { host?: string; shell: string }) => {
        const sessionId = currentSessionId(config);
        const ranAt = new Date().toISOString();
        const run = await runCommand(argv);
        // the host's id links the failure to it (so `msp check` warns there); offline, its name alone is kept
        const infrastructureId = opts.host
          ? await hostIdOf(api(), opts.host, currentClientId(config)).catch((error) =>
              isUnreachable(error) ? undefined : Promise.reject(error),
            )
          : undefined;
        const input = {
          sessionId,
          command: redactSecrets(shellLine(argv)).slice(0, 4000),
          shell: opts.shell,
          success: run.exitCode === 0,
          exitCode: run.exitCode,
          durationMs: Math.min(run.durationMs, 2_147_483_647),
          outputExcerpt: run.outputExcerpt,
          ranAt,
          ...(run.exitCode !== 0 && run.errorExcerpt ? { errorMessage: run.errorExcerpt } : {}),
          ...(opts.host ? { host: opts.host } : {}),
          ...(infrastructureId ? { infrastructureId } : {}),
        };
        const outcome = await writeOrQueue<{ logCommand: { id: string } }>(api(), 'LogCommand', input);
        const recorded = outcome.queued ? null : outcome.result.logCommand.id;
        // stdout belongs to the command; what msp has to say goes to stderr
        if (options.json) print(options, { exitCode: run.exitCode, queued: outcome.queued, commandId: recorded }, () => '');
        else
          process.stderr.write(
            `${outcome.queued ? queuedLine('the command record') : `msp: recorded command ${recorded} (exit ${run.exitCode}${run.spawnError ? `: ${run.spawnError}` : ''}).`}\n`,
          );
        process.exitCode = run.exitCode;
      }),
    );

  log
    .command('file <path>')
    .description('Record a file change')
    .addHelpText('after', '\nExample:\n  msp log file /etc/nginx/nginx.conf --kind modified --summary "TLS 1.3 only"')
    .option('--kind <kind>', FILE_KINDS.join(', '), 'modified')
    .option('--summary <text>', 'what changed')
    .action(
      action(async ({ api, config, options }, path: string, opts: { kind: string; summary?: string }) => {
        if (!FILE_KINDS.includes(opts.kind))
          throw new CliError(`--kind must be one of ${FILE_KINDS.join(', ')}.`, EXIT.usage, 'BAD_USER_INPUT');
        const input = {
          sessionId: currentSessionId(config),
          path,
          kind: opts.kind.toUpperCase(),
          ...(opts.summary ? { summary: opts.summary } : {}),
        };
        const outcome = await writeOrQueue<{ logFileChange: { id: string } }>(api(), 'LogFileChange', input);
        if (outcome.queued) return print(options, { queued: true }, () => queuedLine('the file change'));
        print(options, outcome.result.logFileChange, () => `Recorded ${opts.kind} ${path}.`);
      }),
    );

  program
    .command('note <kind> <text>')
    .description(`A note in the current session: ${NOTE_KINDS.join(', ')}`)
    .addHelpText('after', '\nExample:\n  msp note decision "Retire AD2 before rolling out Windows LAPS"')
    .action(
      action(async ({ api, config, options }, kind: string, text: string) => {
        if (!NOTE_KINDS.includes(kind))
          throw new CliError(`The kind must be one of ${NOTE_KINDS.join(', ')}.`, EXIT.usage, 'BAD_USER_INPUT');
        const outcome = await writeOrQueue<{ note: { id: string } }>(api(), 'Note', {
          sessionId: currentSessionId(config),
          kind: kind.toUpperCase(),
          text,
        });
        if (outcome.queued) return print(options, { queued: true }, () => queuedLine('the note'));
        print(options, outcome.result.note, () => `Noted (${kind}).`);
      }),
    );
}
