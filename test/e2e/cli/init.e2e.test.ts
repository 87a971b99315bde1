import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliHome, msp } from '../../helpers/cli';

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('msp init', () => {
  it('writes the Claude Code commands, the MCP entry and the SessionStart hook, and merges rather than overwrites', async () => {
    const env = cliHome();
    const dir = join(env.HOME, 'project');
    mkdirSync(join(dir, '.claude', 'commands'), { recursive: true });
    // what the user had before: their own MCP server, their own hook, their own words in /msp
    writeFileSync(join(dir, '.mcp.json'), JSON.stringify({ mcpServers: { github: { command: 'gh-mcp' } } }));
    writeFileSync(
      join(dir, '.claude', 'settings.json'),
      JSON.stringify({ model: 'opus', hooks: { SessionStart: [{ hooks: [{ type: 'command', command: 'echo hello' }] }] } }),
    );
    writeFileSync(join(dir, '.claude', 'commands', 'msp.md'), 'My own notes about client work.\n');

    for (let run = 0; run < 2; run++) expect((await msp(env, ['init', '--dir', dir])).code).toBe(0);

    const mcp = JSON.parse(read(dir, '.mcp.json')) as { mcpServers: Record<string, { command: string; args?: string[] }> };
    expect(mcp.mcpServers).toEqual({ github: { command: 'gh-mcp' }, msp: { command: 'msp', args: ['mcp'] } });
    const settings = JSON.parse(read(dir, '.claude/settings.json')) as {
      model: string;
      hooks: { SessionStart: { hooks: { command: string }[] }[] };
    };
    expect(settings.model).toBe('opus');
    expect(settings.hooks.SessionStart.flatMap((entry) => entry.hooks.map((hook) => hook.command))).toEqual([
      'echo hello',
      'msp hook session-start',
    ]);

    const mspCommand = read(dir, '.claude/commands/msp.md');
    expect(mspCommand).toContain('My own notes about client work.');
    expect(mspCommand.match(/msp:begin/g)).toHaveLength(1); // the second run replaced its block, did not add one
    // the activation flow, in order: machine detection → context recovery → environment context → session start
    const steps = ['msp machine register', 'msp context', 'msp check', 'msp session start'].map((step) => mspCommand.indexOf(step));
    expect(steps.every((at, i) => at > 0 && (i === 0 || at > steps[i - 1]!))).toBe(true);
    expect(read(dir, '.claude/commands/dev.md')).toContain('msp session start --mode dev');
    expect(read(dir, '.claude/commands/normal.md')).toContain('msp session start --mode normal');
  });
});
