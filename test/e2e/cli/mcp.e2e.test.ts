import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { cliHome } from '../../helpers/cli';
import { startTestApp, TestApp } from '../../helpers/test-app';

const CLI = join(__dirname, '../../../cli/dist/msp.js');

/** `msp mcp` as an MCP host starts it: over stdio, its token from MSP_TOKEN. */
async function connect(app: TestApp, token: string): Promise<Client> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp'],
    env: { ...cliHome(), MSP_API_URL: app.url, MSP_TOKEN: token },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'msp-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

const INSPECTOR = join(__dirname, '../../../node_modules/@modelcontextprotocol/inspector-cli/build/cli.js');

/** The MCP Inspector's CLI mode (0.15.0, the last on Node 20), as an outside client would run it. */
async function inspect(app: TestApp, token: string, args: string[]): Promise<unknown> {
  const env = ['-e', `MSP_API_URL=${app.url}`, '-e', `MSP_TOKEN=${token}`, '-e', `MSP_CONFIG_DIR=${cliHome().MSP_CONFIG_DIR}`];
  const { stdout } = await promisify(execFile)(process.execPath, [INSPECTOR, '--cli', ...env, process.execPath, CLI, 'mcp', ...args], {
    timeout: 120_000,
  });
  return JSON.parse(stdout);
}

const textOf = (result: Awaited<ReturnType<Client['callTool']>>) =>
  (result.content as { type: string; text: string }[]).map((c) => c.text).join('\n');

describe('msp mcp', () => {
  let app: TestApp;
  let clientId: string;
  let sessionId: string;
  const open: Client[] = [];
  beforeAll(async () => {
    app = await startTestApp('cli_mcp');
    clientId = (await app.sdk.CreateClient({ input: { name: 'Dataforth' } })).createClient.id;
    await app.sdk.RecordInfrastructure({
      input: { clientId, hostname: 'AD2', kind: 'SERVER', os: 'Windows Server', osVersion: '2008 R2' },
    });
    sessionId = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId } })).startSession.id;
  });
  afterAll(async () => {
    await Promise.all(open.map((client) => client.close()));
    await app.stop();
  });

  const agent = async (scopes: ('READ' | 'WRITE')[]) => {
    const { issueAgentToken } = await app.sdk.IssueAgentToken({ input: { sessionId, scopes } });
    const client = await connect(app, issueAgentToken.token);
    open.push(client);
    return client;
  };

  it('offers the agent operations with annotations, and only those the token may use', async () => {
    const { tools } = await (await agent(['READ', 'WRITE'])).listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'context_recovery',
        'environment_check',
        'start_session',
        'end_session',
        'log_work',
        'log_command',
        'note',
        'search',
        'similar_problems',
        'report',
        'pending_tasks',
        'reveal_credential',
      ]),
    );
    expect(tools.find((t) => t.name === 'search')!.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(tools.find((t) => t.name === 'log_work')!.annotations).toMatchObject({ readOnlyHint: false });
    expect(tools.find((t) => t.name === 'reveal_credential')!.inputSchema.required).toEqual(['credentialId', 'reason']);

    const readOnly = (await (await agent(['READ'])).listTools()).tools.map((t) => t.name);
    expect(readOnly).toContain('search');
    expect(readOnly).not.toContain('log_work');
    expect(readOnly).not.toContain('start_session');
  });

  it('logs work and a failed command into its session, then warns about that command on the host', async () => {
    const client = await agent(['READ', 'WRITE']);
    const logged = await client.callTool({ name: 'log_work', arguments: { description: 'Listed local accounts on AD2', minutes: 10 } });
    expect(textOf(logged)).toMatch(/^Logged work item \d+/);
    await client.callTool({
      name: 'log_command',
      arguments: {
        command: 'Get-LocalUser',
        success: false,
        exitCode: 1,
        errorMessage: "The term 'Get-LocalUser' is not recognized",
        host: 'AD2',
        shell: 'powershell 2.0',
      },
    });
    const check = await client.callTool({
      name: 'environment_check',
      arguments: { host: 'AD2', command: 'Get-LocalUser', client: clientId },
    });
    expect(check.structuredContent).toMatchObject({ verdict: 'WARN' });
    const { session } = await app.sdk.Session({ id: sessionId });
    expect(session!.workItems.nodes.map((w) => w.description)).toContain('Listed local accounts on AD2');
  });

  it("answers the MCP Inspector's CLI: tools/list and tools/call", async () => {
    const { issueAgentToken } = await app.sdk.IssueAgentToken({ input: { sessionId, scopes: ['READ', 'WRITE'] } });
    const listed = (await inspect(app, issueAgentToken.token, ['--method', 'tools/list'])) as { tools: { name: string }[] };
    expect(listed.tools.map((t) => t.name)).toContain('context_recovery');
    const called = (await inspect(app, issueAgentToken.token, [
      '--method',
      'tools/call',
      '--tool-name',
      'context_recovery',
      '--tool-arg',
      `client=${clientId}`,
    ])) as { content: { text: string }[] };
    expect(called.content[0]!.text).toContain('Dataforth');
  });

  it('says at start, on stderr with a non-zero exit, when its token is refused', async () => {
    const { stderr, code } = await new Promise<{ stderr: string; code: number | null }>((resolve) => {
      execFile(
        process.execPath,
        [CLI, 'mcp'],
        { env: { ...cliHome(), MSP_API_URL: app.url, MSP_TOKEN: 'not-a-token' } },
        (_error, _stdout, stderrText) => resolve({ stderr: stderrText, code: _error?.code as number | null }),
      );
    });
    expect([code, stderr]).toEqual([3, expect.stringContaining('msp mcp: ')]);
  });

  it('answers a refusal as a tool error with its code, not a crash', async () => {
    const client = await agent(['READ', 'WRITE']);
    const refused = await client.callTool({ name: 'context_recovery', arguments: { client: 'someone-else' } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/^(NOT_FOUND|FORBIDDEN): /);
  });
});
