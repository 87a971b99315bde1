import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { assertUrlAllowed, guardedLookup, hostOf, parseWebhookUrl, RefusedUrlError } from './url-guard';

export interface PostOutcome {
  ok: boolean;
  statusCode: number | null;
  /** Why it failed, short enough for the delivery log; null when ok. */
  error: string | null;
}

/**
 * One POST, no redirects followed (a 3xx is a failure), `timeoutMs` for the whole exchange. The host is
 * resolved once and the socket connects to an address that passed the guard.
 */
export async function postOnce(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivateNetwork: boolean },
): Promise<PostOutcome> {
  let url: URL;
  try {
    url = parseWebhookUrl(rawUrl);
    // a literal address skips lookup: check it here
    if (isIP(hostOf(url))) await assertUrlAllowed(url, options.allowPrivateNetwork);
  } catch (error) {
    return { ok: false, statusCode: null, error: `refused: ${(error as Error).message}` };
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: false,
        lookup: guardedLookup(options.allowPrivateNetwork) as never,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        res.resume(); // the answer's body is not needed
        res.on('end', () => {
          if (status >= 200 && status < 300) finish({ ok: true, statusCode: status, error: null });
          else if (status >= 300 && status < 400)
            finish({ ok: false, statusCode: status, error: `HTTP ${status}: redirects are not followed; subscribe the final URL` });
          else finish({ ok: false, statusCode: status, error: `HTTP ${status}` });
        });
        res.on('error', (error) => finish({ ok: false, statusCode: status, error: `response broken off: ${error.message}` }));
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, statusCode: null, error: `no complete answer within ${options.timeoutMs} ms` });
      req.destroy();
    }, options.timeoutMs);
    req.on('error', (error) => {
      const refused = error instanceof RefusedUrlError;
      finish({
        ok: false,
        statusCode: null,
        error: refused
          ? `refused: ${error.message}`
          : `${(error as NodeJS.ErrnoException).code ?? 'error'}: ${error.message}`.slice(0, 500),
      });
    });
    req.end(body);
  });
}
