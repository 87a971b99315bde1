import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, TestApp } from '../../helpers/test-app';
import { cliHome, msp, mspJson } from '../../helpers/cli';

describe('the offline queue of msp', () => {
  let app: TestApp;
  let env: Record<string, string>;
  let sessionId: string;
  beforeAll(async () => {
    app = await startTestApp('cli_queue');
    env = cliHome();
    await app.sdk.CreateClient({ input: { name: 'Dataforth' } });
    await mspJson(env, ['login', '--url', app.url, '--email', ADMIN_EMAIL, '--password-stdin'], ADMIN_PASSWORD);
    sessionId = (await mspJson<{ id: string }>(env, ['session', 'start', '--client', 'dataforth'])).id;
  });
  afterAll(() => app.stop());

  const descriptions = async () => (await app.sdk.Session({ id: sessionId })).session!.workItems.nodes.map((w) => w.description);

  it('keeps writes made while the service is down and sends each exactly once, in order', async () => {
    for (let i = 1; i <= 5; i++) await mspJson(env, ['log', 'work', `before the outage ${i}`, '--minutes', '5']);
    await app.pause();
    for (let i = 1; i <= 10; i++) {
      const answer = await msp(env, ['log', 'work', `during the outage ${i}`, '--minutes', '5']);
      expect(answer.code).toBe(0);
      expect(answer.stdout).toContain('queued');
    }
    await app.resume();
    // the next write sends the queue first, so the order holds
    await mspJson(env, ['log', 'work', 'after the outage', '--minutes', '5']);
    const expected = [
      ...[1, 2, 3, 4, 5].map((i) => `before the outage ${i}`),
      ...Array.from({ length: 10 }, (_, i) => `during the outage ${i + 1}`),
      'after the outage',
    ];
    expect(await descriptions()).toEqual(expected);
    expect(await mspJson(env, ['sync'])).toEqual({ sent: 0, waiting: 0, refused: [] });
    expect(await descriptions()).toEqual(expected); // a second sync doubles nothing
  });

  it('keeps a write the service refuses on replay, with the reason, and shows it in msp sync', async () => {
    await app.pause();
    expect((await msp(env, ['note', 'finding', 'The UPS battery is from 2019'])).stdout).toContain('queued');
    await app.resume();
    await app.sdk.EndSession({ input: { sessionId } }); // ended meanwhile: the queued note no longer fits
    const sync = await msp(env, ['sync', '--json']);
    expect(sync.code).toBe(6);
    const result = JSON.parse(sync.stdout) as { refused: { operation: string; refused: { code: string; message: string } }[] };
    expect(result.refused).toEqual([
      expect.objectContaining({ operation: 'Note', refused: expect.objectContaining({ code: 'CONFLICT' }) }),
    ]);
    expect((await msp(env, ['sync'])).stdout).toContain('refused: Note (CONFLICT)');
  });
});
