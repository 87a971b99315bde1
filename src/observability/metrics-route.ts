import { timingSafeEqual } from 'node:crypto';
import { Request, Response } from 'express';
import { Registry } from 'prom-client';

const sameToken = (given: string, expected: string) => {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
};

/** GET /metrics in Prometheus text format; with a token, only for `Authorization: Bearer <token>`. */
export function metricsRoute(registry: Registry, token: string | undefined) {
  return async (req: Request, res: Response) => {
    const given = req.header('authorization')?.replace(/^Bearer /, '') ?? '';
    if (token && !sameToken(given, token)) {
      res.status(401).set('www-authenticate', 'Bearer').send('A bearer token is needed (METRICS_TOKEN).\n');
      return;
    }
    res.type(registry.contentType).send(await registry.metrics());
  };
}
