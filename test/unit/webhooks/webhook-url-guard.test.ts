import { isPublicAddress, parseWebhookUrl, RefusedUrlError } from '../../../src/webhooks/url-guard';
import { retryDelayMs } from '../../../src/webhooks/worker';

describe('webhook address policy', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    'fc00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a00:1',
    '2002:7f00:1::1',
  ])('refuses %s', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows the public %s', (address) =>
    expect(isPublicAddress(address)).toBe(true),
  );

  it('takes only http(s) URLs without credentials', () => {
    expect(parseWebhookUrl('https://hooks.example.com/msp').hostname).toBe('hooks.example.com');
    for (const url of ['ftp://example.com', 'file:///etc/passwd', 'https://u:p@example.com/', 'not a url'])
      expect(() => parseWebhookUrl(url)).toThrow(RefusedUrlError);
  });
});

describe('webhook retry delays', () => {
  const settings = { retryBaseMs: 1000, retryMaxMs: 60_000 };
  it('doubles from the base, up to the cap, with at most half taken off', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, settings, 0))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30, settings, 0)).toBe(60_000);
    expect(retryDelayMs(2, settings, 1)).toBe(1000);
  });
});
