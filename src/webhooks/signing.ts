import { createHmac, randomBytes } from 'node:crypto';

/**
 * `X-Msp-Signature`: "sha256=" and the lower-case hex HMAC-SHA256, keyed with the webhook's secret,
 * of `${timestamp}.${body}` where timestamp is the X-Msp-Timestamp header (Unix seconds) and body the raw bytes.
 */
export const signatureOf = (secret: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** A secret for a webhook that was given none: 32 random bytes, shown once. */
export const generateSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;
