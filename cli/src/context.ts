import { tokenClaims as readClaims, type MspClient } from '@msp-tracker/sdk';
import { apiClient, asCliError } from './api';
import { CliConfig, connection, readConfig } from './config';
import { CliError, EXIT, type OutputOptions } from './output';
import { queuedThisRun, readQueue, replayQueue } from './queue';

/** What a command's action gets: the parsed config, the API client, and the output options. */
export interface Run {
  config: CliConfig;
  api: () => MspClient;
  options: OutputOptions;
}

/** What `msp` reads from its token (the service verifies it; this only picks defaults). */
export interface TokenClaims {
  /** Agent tokens: their session and its client. */
  sid?: number;
  cid?: number | null;
  scope?: string;
}

export const tokenClaims = (token: string | undefined): TokenClaims => (token ? (readClaims(token) as TokenClaims) : {});

/** The session commands log into: the one `msp session start` remembered, or an agent token's own. */
export function currentSessionId(config: CliConfig): string {
  const fromToken = tokenClaims(connection(config).token).sid;
  const id = config.session?.id ?? (fromToken ? String(fromToken) : undefined);
  if (!id) throw new CliError('No current session: start one with `msp session start --client <slug>`.', EXIT.usage, 'NO_SESSION');
  return id;
}

/** The client of the current session, when known here. */
export function currentClientId(config: CliConfig): string | undefined {
  const cid = tokenClaims(connection(config).token).cid;
  return config.session?.clientId ?? (cid ? String(cid) : undefined);
}

/** The id of a client's host by its name, or undefined when the service knows none of that name. */
export async function hostIdOf(api: MspClient, hostname: string, clientId: string | undefined): Promise<string | undefined> {
  if (!clientId) return undefined;
  const { infrastructures } = await api.Infrastructures({ filter: { clientId, search: hostname }, first: 20 });
  return infrastructures.nodes.find((host) => host.hostname.toLowerCase() === hostname.toLowerCase())?.id;
}

/** A client given by id or slug, as its id. */
export async function clientIdOf(api: MspClient, clientRef: string): Promise<string> {
  if (/^\d+$/.test(clientRef)) return clientRef;
  const { client } = await api.Client({ slug: clientRef });
  if (!client) throw new CliError(`No client with slug "${clientRef}".`, EXIT.notFound, 'NOT_FOUND');
  return client.id;
}

/** Wraps an action: a fresh client per run, queued writes replayed after any call that reached the service, errors as exit codes. */
export function action<A extends unknown[]>(work: (run: Run, ...args: A) => Promise<void>) {
  return async (...args: A): Promise<void> => {
    const command = args[args.length - 1] as { optsWithGlobals(): OutputOptions };
    const options = command.optsWithGlobals();
    const config = readConfig();
    let client: MspClient | undefined;
    const api = () => (client ??= apiClient(config));
    try {
      await work({ config, api, options }, ...args);
      if (client && !queuedThisRun() && readQueue().some((entry) => !entry.refused)) await replayQueue(client).catch(() => undefined);
    } catch (error) {
      const failure = asCliError(error);
      if (options.json) process.stderr.write(`${JSON.stringify({ error: { code: failure.code, message: failure.message } })}\n`);
      else process.stderr.write(`msp: ${failure.message}\n`);
      process.exitCode = failure.exitCode;
    }
  };
}
