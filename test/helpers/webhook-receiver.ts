import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedPost {
  headers: IncomingMessage['headers'];
  body: string;
}

/** What the receiver answers the n-th POST with: a status, or a held response the test releases. */
export type Answer = number | { redirectTo: string } | 'hold';

/**
 * A webhook receiver on loopback that records every POST. `answers` are used in order; after the last
 * one it answers `then` (200 by default).
 */
export interface WebhookReceiver {
  url: string;
  received: ReceivedPost[];
  /** Answers the held requests with 200. */
  release(): void;
  /** Resolves once `count` POSTs arrived (the test's timeout bounds the wait). */
  waitFor(count: number): Promise<ReceivedPost[]>;
  close(): Promise<void>;
}

export async function startReceiver(answers: Answer[] = [], then: Answer = 200): Promise<WebhookReceiver> {
  const received: ReceivedPost[] = [];
  const held: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = answers[received.length - 1] ?? then;
      if (answer === 'hold') held.push(res);
      else if (typeof answer === 'object') res.writeHead(302, { location: answer.redirectTo }).end();
      else res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    release: () => held.splice(0).forEach((res) => res.writeHead(200).end()),
    waitFor: (count) => until(() => received.length >= count).then(() => received),
    close: async () => {
      held.splice(0).forEach((res) => res.destroy());
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Polls `check` until it holds; no timing is asserted, the test's timeout bounds it. */
export async function until(check: () => boolean | Promise<boolean>, everyMs = 20): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, everyMs));
}

/** A receiver's check, written from the README: HMAC-SHA256 of "timestamp.body", "sha256=" and hex. */
export function signatureVerifies(post: ReceivedPost, secret: string): boolean {
  const timestamp = String(post.headers['x-msp-timestamp']);
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${post.body}`).digest('hex')}`);
  const given = Buffer.from(String(post.headers['x-msp-signature']));
  return expected.length === given.length && timingSafeEqual(expected, given);
}
