import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Command } from 'commander';
import { apiClient, asCliError } from '../api';
import { connection, readConfig } from '../config';
import { currentClientId, tokenClaims } from '../context';
import { TOOLS, type ToolContext } from '../mcp/tools';

/** The tools this token may use: the others are not offered at all. */
const allowedTools = (scopes: string[]) => TOOLS.filter((tool) => scopes.includes(tool.needs));

export async function startMcpServer(): Promise<void> {
  const config = readConfig();
  const { token } = connection(config);
  const claims = tokenClaims(token);
  const ctx: ToolContext = {
    api: apiClient(config),
    defaultSessionId: config.session?.id ?? (claims.sid ? String(claims.sid) : undefined),
    clientId: currentClientId(config),
  };
  // a refused token or an unreachable API is said now, on stderr, not discovered as an empty tool list
  await ctx.api.Me();
  const server = new McpServer({ name: 'msp-tracker', version: '0.1.0' });
  for (const tool of allowedTools((claims.scope ?? '').split(' '))) {
    server.registerTool(
      tool.name,
      { title: tool.title, description: tool.description, inputSchema: tool.input, annotations: tool.annotations },
      async (args: Record<string, unknown>) => {
        try {
          const answer = await tool.run(ctx, args);
          return { content: [{ type: 'text' as const, text: answer.text }], structuredContent: answer.data };
        } catch (error) {
          const failure = asCliError(error);
          return { isError: true, content: [{ type: 'text' as const, text: `${failure.code}: ${failure.message}` }] };
        }
      },
    );
  }
  await server.connect(new StdioServerTransport());
}

export function mcpCommand(program: Command): void {
  program
    .command('mcp')
    .description('A Model Context Protocol server over stdio with the agent operations as tools (token from MSP_TOKEN or the login)')
    .addHelpText(
      'after',
      '\nExample:\n  MSP_TOKEN=… msp mcp\nIn .mcp.json (msp init writes it):\n  { "mcpServers": { "msp": { "command": "msp", "args": ["mcp"] } } }',
    )
    .action(async () => {
      try {
        await startMcpServer();
      } catch (error) {
        const failure = asCliError(error);
        process.stderr.write(`msp mcp: ${failure.message}\n`);
        process.exitCode = failure.exitCode;
      }
    });
}
