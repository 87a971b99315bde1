import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '../../cli/dist/msp.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a technician's machine of its own: an empty home and config folder, no MSP_* from outside. */
export function cliHome(): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'msp-cli-'));
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('MSP_')) as [string, string][]);
  return { ...inherited, HOME: home, MSP_CONFIG_DIR: join(home, '.config', 'msp') };
}

/** Runs the built `msp` as a user would, with `input` on stdin; resolves with its exit code and output. */
export function msp(env: Record<string, string>, args: string[], input = ''): Promise<CliResult> {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

/** `msp … --json`, parsed; fails with the output when the exit code is not the expected one. */
export async function mspJson<T = Record<string, unknown>>(
  env: Record<string, string>,
  args: string[],
  input = '',
  expectedCode = 0,
): Promise<T> {
  const result = await msp(env, [...args, '--json'], input);
  if (result.code !== expectedCode) throw new Error(`msp ${args.join(' ')} exited ${result.code}:\n${result.stderr}${result.stdout}`);
  return JSON.parse(result.stdout) as T;
}
