import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { action, tokenClaims } from '../context';
import { connection } from '../config';
import { print } from '../output';

const BEGIN = '<!-- msp:begin (written by `msp init`; edit outside this block) -->';
const END = '<!-- msp:end -->';

const DURING = `During the work, record it as you go:
- work done: \`msp log work "<what, in a sentence>" --minutes <n>\` (the service picks category and tags);
- every command against a client system: \`msp log cmd --host <host> -- <command …>\` (it runs the command and records exit code, time and output, secrets redacted);
- before a command on a host, \`msp check "<command>" --host <host>\`: on WARN or BLOCK use the alternative it gives;
- files you change: \`msp log file <path> --kind modified --summary "…"\`;
- decisions, findings and learnings: \`msp note decision|finding|learning "…"\`;
- a problem that looks familiar: \`msp similar "<symptom>"\` before digging.
When done: \`msp session end --summary "<two sentences: what changed, what is left>"\`. If the service is unreachable, msp queues the writes and \`msp sync\` sends them later.`;

/** The activation flows: machine detection → environment context → context recovery → session start. */
const COMMANDS: Record<string, string> = {
  'msp.md': `---
description: MSP client work, tracked in msp-tracker (machine, context, session)
argument-hint: <client-slug> [what the session is about]
---
${BEGIN}
Work for the MSP client in "$ARGUMENTS" (its slug first), tracked in msp-tracker.

1. Machine detection: \`msp machine register --json\`. Note the platform, shell and package managers: write commands for them.
2. Context recovery: \`msp context <client-slug>\`. Read the last sessions, open tasks, topology and insights before you start.
3. Environment context: for each host you will touch, \`msp check "<first command>" --host <host>\`.
4. Session start: \`msp session start --client <client-slug> --mode msp --title "<what the session is about>"\`.

${DURING}
${END}
`,
  'dev.md': `---
description: Development work on a project, tracked in msp-tracker
argument-hint: <project-id> [what the session is about]
---
${BEGIN}
Development work on the project in "$ARGUMENTS", tracked in msp-tracker (not billable by default).

1. Machine detection: \`msp machine register --json\`.
2. Context: \`msp search "<the topic>" --first 5\` for earlier work on it.
3. Session start: \`msp session start --mode dev --project <project-id> --title "<what the session is about>"\`.

${DURING}
${END}
`,
  'normal.md': `---
description: Research and learning, kept in the msp-tracker knowledge base
argument-hint: [topic]
---
${BEGIN}
Research "$ARGUMENTS" and keep what you learn in msp-tracker's knowledge base (no client, not billable).

1. What is known already: \`msp search "<topic>" --mode normal\`.
2. Session start: \`msp session start --mode normal --title "<topic>"\`.
3. Record decisions, findings and learnings with \`msp note decision|finding|learning "…"\` as they come.

When done: \`msp session end --summary "<what was learned>"\`.
${END}
`,
};

/** Our block replaced, everything the user wrote around it kept. */
function mergeMarkdown(existing: string | null, ours: string): string {
  if (existing === null) return ours;
  const start = existing.indexOf(BEGIN);
  const end = existing.indexOf(END);
  const block = ours.slice(ours.indexOf(BEGIN), ours.indexOf(END) + END.length);
  if (start === -1 || end === -1) return `${existing.trimEnd()}\n\n${block}\n`;
  return existing.slice(0, start) + block + existing.slice(end + END.length);
}

const readJson = (path: string): Record<string, unknown> =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};

const HOOK_COMMAND = 'msp hook session-start';

/** Our MCP server added to the project's .mcp.json; other servers kept. */
function mergeMcpJson(path: string): void {
  const json = readJson(path);
  const servers = (json.mcpServers ?? {}) as Record<string, unknown>;
  writeJson(path, { ...json, mcpServers: { ...servers, msp: { command: 'msp', args: ['mcp'] } } });
}

/** A SessionStart hook that hands the agent the current client's context; other hooks kept, ours added once. */
function mergeSettings(path: string): void {
  const json = readJson(path);
  const hooks = (json.hooks ?? {}) as Record<string, { hooks?: { command?: string }[] }[]>;
  const sessionStart = hooks.SessionStart ?? [];
  const present = sessionStart.some((entry) => entry.hooks?.some((hook) => hook.command === HOOK_COMMAND));
  const next = present ? sessionStart : [...sessionStart, { hooks: [{ type: 'command', command: HOOK_COMMAND }] }];
  writeJson(path, { ...json, hooks: { ...hooks, SessionStart: next } });
}

function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

export function initCommand(program: Command): void {
  program
    .command('init')
    .description(
      'Write Claude Code commands (/msp, /dev, /normal), an .mcp.json entry for `msp mcp` and a SessionStart hook; existing files are merged',
    )
    .addHelpText('after', '\nExample:\n  msp init --dir .')
    .option('--dir <dir>', 'the project folder', '.')
    .action(
      action(async ({ options }, opts: { dir: string }) => {
        const root = resolve(opts.dir);
        const written: string[] = [];
        for (const [file, content] of Object.entries(COMMANDS)) {
          const path = join(root, '.claude', 'commands', file);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, mergeMarkdown(existsSync(path) ? readFileSync(path, 'utf8') : null, content));
          written.push(path);
        }
        mergeMcpJson(join(root, '.mcp.json'));
        mergeSettings(join(root, '.claude', 'settings.json'));
        written.push(join(root, '.mcp.json'), join(root, '.claude', 'settings.json'));
        print(options, { written }, () => `Wrote (merged where they existed):\n${written.map((p) => `  ${p}`).join('\n')}`);
      }),
    );

  program
    .command('hook')
    .description('Hooks for Claude Code')
    .addHelpText('after', '\nExample:\n  msp hook session-start')
    .command('session-start')
    .description("Print the current client's context, for the agent to start with")
    .addHelpText('after', '\nExample:\n  msp hook session-start')
    .action(
      action(async ({ api, config }) => {
        const clientId = config.session?.clientId;
        if (!connection(config).url) return void process.stdout.write('msp-tracker: not logged in (msp login), so no client context.\n');
        if (!clientId) {
          const sid = tokenClaims(connection(config).token).sid;
          return void process.stdout.write(
            `msp-tracker: ${sid ? `agent session ${sid}` : 'no current session'}; run /msp <client> to start client work.\n`,
          );
        }
        const { contextRecovery } = await api().ContextRecovery({ clientId });
        process.stdout.write(`${contextRecovery.text}\n`);
      }),
    );
}
