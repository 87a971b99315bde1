import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Reads a secret from the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  process.stderr.write(question);
  let muted = true;
  const output = new Writable({ write: (chunk, _encoding, done) => (muted ? done() : process.stderr.write(chunk, done)) });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      muted = false;
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/** All of standard input, for `--password-stdin` and secrets piped in; one trailing newline dropped. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** A secret from stdin when it is piped, or typed at a hidden prompt. */
export const readSecret = (question: string): Promise<string> => (process.stdin.isTTY ? promptHidden(question) : readStdin());
