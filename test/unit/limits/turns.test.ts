import { Turns } from '../../../src/limits/query-cost.plugin';

describe('turns for large queries', () => {
  it('lets `limit` run at once and the rest in the order they came, each release handing its turn on', async () => {
    const turns = new Turns(2);
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const requests = [1, 2, 3, 4].map((n) =>
      turns.take().then((release) => {
        started.push(n);
        releases[n] = release;
      }),
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    releases[2]();
    releases[2](); // a second release of the same turn hands on nothing more
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([1, 2, 3]);
    releases[1]();
    await Promise.all(requests);
    expect(started).toEqual([1, 2, 3, 4]);
  });

  it('frees the turn when nobody waits, so the next comer starts at once', async () => {
    const turns = new Turns(1);
    (await turns.take())();
    const second = await Promise.race([
      turns.take().then(() => 'started'),
      new Promise((resolve) => setImmediate(() => resolve('waiting'))),
    ]);
    expect(second).toBe('started');
  });
});
