import type { Command } from 'commander';
import { updateConfig } from '../config';
import { action, clientIdOf, currentSessionId } from '../context';
import { detectCapabilities, fingerprintOf, localIdentity } from '../machine';
import { CliError, EXIT, print, progress, table } from '../output';
import { writeOrQueue } from '../queue';

const MODES = ['msp', 'dev', 'normal'];

export function machineCommands(program: Command): void {
  program
    .command('machine')
    .description('This machine, as the service knows it')
    .addHelpText('after', '\nExample:\n  msp machine register')
    .command('register')
    .description('Compute the fingerprint here, detect capabilities (Docker, shells, package managers, VPN profiles) and register')
    .addHelpText('after', '\nExample:\n  msp machine register --json')
    .action(
      action(async ({ api, options }) => {
        const identity = localIdentity();
        progress(options, 'Detecting capabilities (Docker, shells, package managers, VPN profiles)…');
        const { preferredShell, capabilities } = detectCapabilities();
        const { registerMachine } = await api().RegisterMachine({
          input: { ...identity, ...(preferredShell ? { preferredShell } : {}), capabilities },
        });
        updateConfig((config) => ({ ...config, machineId: registerMachine.machine.id }));
        print(options, { ...registerMachine, fingerprint: fingerprintOf(identity) }, () =>
          [
            `${registerMachine.created ? 'Registered' : 'Updated'} machine ${registerMachine.machine.id}: ${identity.hostname} (${identity.platform}, ${identity.username})`,
            `fingerprint ${fingerprintOf(identity)}`,
            table(
              ['found', 'value'],
              [
                ['shell', [preferredShell, capabilities.shellVersion].filter(Boolean).join(' ') || '-'],
                ['PowerShell', capabilities.powershellVersion ?? '-'],
                ['Docker', capabilities.docker ? 'yes' : 'no'],
                ['package managers', capabilities.packageManagers.map((p) => p.name).join(', ') || '-'],
                ['VPN profiles', capabilities.vpnProfiles.join(', ') || '-'],
              ],
            ),
          ].join('\n'),
        );
      }),
    );
}

export function sessionCommands(program: Command): void {
  const session = program.command('session').description('Start, end and show the current work session');

  session
    .command('start')
    .description('Start a session; later commands log into it')
    .option('--client <slug|id>', 'the client (MSP sessions)')
    .option('--project <id>', 'the project (DEV sessions, or an MSP project)')
    .option('--mode <mode>', 'msp, dev or normal', 'msp')
    .option('--title <title>', 'what the session is about')
    .addHelpText('after', '\nExample:\n  msp session start --client dataforth --title "Replace the SonicWall"')
    .action(
      action(async ({ api, config, options }, opts: { client?: string; project?: string; mode: string; title?: string }) => {
        if (!MODES.includes(opts.mode.toLowerCase()))
          throw new CliError(`--mode must be one of ${MODES.join(', ')}.`, EXIT.usage, 'BAD_USER_INPUT');
        const clientId = opts.client ? await clientIdOf(api(), opts.client) : undefined;
        const { startSession } = await api().StartSession({
          input: {
            mode: opts.mode.toUpperCase() as 'MSP' | 'DEV' | 'NORMAL',
            ...(clientId ? { clientId } : {}),
            ...(opts.project ? { projectId: opts.project } : {}),
            ...(opts.title ? { title: opts.title } : {}),
            ...(config.machineId ? { machineId: config.machineId } : {}),
          },
        });
        updateConfig((c) => ({
          ...c,
          session: { id: startSession.id, clientId: startSession.client?.id ?? null, title: startSession.title ?? '' },
        }));
        print(
          options,
          startSession,
          () =>
            `Started session ${startSession.id}${startSession.client ? ` for ${startSession.client.name}` : ''} (${startSession.mode}).`,
        );
      }),
    );

  session
    .command('end')
    .description('End the current session: the service writes its summary (queued when offline)')
    .addHelpText('after', '\nExample:\n  msp session end --summary "Firewall replaced; VPN to the branch is up."')
    .option('--summary <text>', 'your own summary, kept first')
    .action(
      action(async ({ api, config, options }, opts: { summary?: string }) => {
        const sessionId = currentSessionId(config);
        const outcome = await writeOrQueue<{ endSession: { id: string; summary: string | null } }>(api(), 'EndSession', {
          sessionId,
          ...(opts.summary ? { summary: opts.summary } : {}),
        });
        updateConfig(({ session: _ended, ...rest }) => rest);
        if (outcome.queued)
          return print(
            options,
            { queued: true, sessionId },
            () => `The service is unreachable: ending session ${sessionId} is queued (msp sync sends it).`,
          );
        print(options, outcome.result.endSession, () => outcome.result.endSession.summary ?? `Ended session ${sessionId}.`);
      }),
    );

  session
    .command('current')
    .description('The session later commands log into')
    .addHelpText('after', '\nExample:\n  msp session current --json')
    .action(
      action(async ({ api, config, options }) => {
        const { session: current } = await api().Session({ id: currentSessionId(config) });
        if (!current) throw new CliError('The current session no longer exists.', EXIT.notFound, 'NOT_FOUND');
        const state = current.endedAt
          ? `ended at ${current.endedAt} (start another with msp session start)`
          : `open since ${current.startedAt}`;
        print(
          options,
          current,
          () => `Session ${current.id}: ${current.title ?? '(untitled)'}${current.client ? `, ${current.client.name}` : ''}, ${state}`,
        );
      }),
    );

  program
    .command('agent-token')
    .description('A token for an agent, bound to the current session; prints `export MSP_TOKEN=…`')
    .option('--scopes <scopes>', 'read, write or both, comma-separated', 'read,write')
    .addHelpText('after', '\nExample:\n  eval "$(msp agent-token --scopes read,write)"')
    .action(
      action(async ({ api, config, options }, opts: { scopes: string }) => {
        const scopes = opts.scopes.split(',').map((s) => s.trim().toUpperCase());
        const wrong = scopes.filter((s) => s !== 'READ' && s !== 'WRITE');
        if (wrong.length) throw new CliError(`--scopes takes read and/or write, not ${wrong.join(', ')}.`, EXIT.usage, 'BAD_USER_INPUT');
        const { issueAgentToken } = await api().IssueAgentToken({
          input: { sessionId: currentSessionId(config), scopes: scopes as ('READ' | 'WRITE')[] },
        });
        print(options, issueAgentToken, () => `export MSP_TOKEN=${issueAgentToken.token}`);
      }),
    );
}
