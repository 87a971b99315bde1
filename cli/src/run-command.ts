import { spawn } from 'node:child_process';
import { redactSecrets } from './redact';

const EXCERPT_CHARS = 2000;

export interface CommandRun {
  exitCode: number;
  durationMs: number;
  /** The end of what it printed (stdout and stderr), secrets redacted. */
  outputExcerpt: string;
  /** The end of its stderr, secrets redacted; null when it printed none. */
  errorExcerpt: string | null;
  /** Why it could not start at all (for example no such program), else null. */
  spawnError: string | null;
}

const tail = (text: string, chars: number) => (text.length > chars ? text.slice(-chars) : text);

/** Runs a command with the user's terminal for input, echoing its output while keeping the end of it. */
export function runCommand(argv: string[]): Promise<CommandRun> {
  const started = Date.now();
  let output = '';
  let errors = '';
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['inherit', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output = tail(output + chunk.toString('utf8'), EXCERPT_CHARS * 2);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      errors = tail(errors + chunk.toString('utf8'), EXCERPT_CHARS * 2);
      output = tail(output + chunk.toString('utf8'), EXCERPT_CHARS * 2);
    });
    const finish = (exitCode: number, extra = '') =>
      resolve({
        spawnError: extra || null,
        exitCode,
        durationMs: Date.now() - started,
        outputExcerpt: tail(redactSecrets(output + extra), EXCERPT_CHARS),
        errorExcerpt: errors || extra ? tail(redactSecrets(errors + extra), EXCERPT_CHARS) : null,
      });
    child.on('error', (error) => finish(127, `${argv[0]}: ${error.message}`));
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}
