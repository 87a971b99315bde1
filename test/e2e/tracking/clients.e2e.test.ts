import { apiError, startTestApp, TestApp } from '../../helpers/test-app';

describe('clients', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('clients');
  });
  afterAll(() => app.stop());

  it('creates a client with a derived slug and exact money, and finds it by id and by slug', async () => {
    const { createClient } = await app.sdk.CreateClient({ input: { name: 'Dataforth Corp.', hourlyRateCents: 12_550 } });
    expect(createClient).toMatchObject({
      name: 'Dataforth Corp.',
      slug: 'dataforth-corp',
      hourlyRateCents: 12_550,
      hourlyRate: '125.50',
      active: true,
    });

    expect((await app.sdk.Client({ id: createClient.id })).client?.name).toBe('Dataforth Corp.');
    expect((await app.sdk.Client({ slug: 'dataforth-corp' })).client?.id).toBe(createClient.id);
  });

  it('refuses a duplicate name or slug, ignoring case, with CONFLICT and the field', async () => {
    await app.sdk.CreateClient({ input: { name: 'Acme' } });
    const byName = await apiError(app.sdk.CreateClient({ input: { name: 'ACME', slug: 'acme-two' } }));
    expect(byName.errors[0]).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const bySlug = await apiError(app.sdk.CreateClient({ input: { name: 'Acme Two', slug: 'acme' } }));
    expect(bySlug.errors[0]).toMatchObject({ code: 'CONFLICT', field: 'slug' });
  });

  it.each([
    ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a negative rate', { name: 'Neg', hourlyRateCents: -1 }, 'hourlyRateCents'],
    ['an absurd rate', { name: 'Big', hourlyRateCents: 10_000_001 }, 'hourlyRateCents'],
    ['a slug with spaces', { name: 'Slug', slug: 'has space' }, 'slug'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and stores nothing', async (_case, input, field) => {
    const before = (await app.sdk.Clients({ first: 1 })).clients.totalCount;
    const error = await apiError(app.sdk.CreateClient({ input }));
    expect(error.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toContain(field);
    expect((await app.sdk.Clients({ first: 1 })).clients.totalCount).toBe(before);
  });

  it('updates only the fields given', async () => {
    const { createClient } = await app.sdk.CreateClient({ input: { name: 'Globex', hourlyRateCents: 10_000 } });
    const { updateClient } = await app.sdk.UpdateClient({ input: { id: createClient.id, active: false } });
    expect(updateClient).toMatchObject({ name: 'Globex', hourlyRateCents: 10_000, active: false });
    const taken = await apiError(app.sdk.UpdateClient({ input: { id: createClient.id, name: 'acme' } }));
    expect(taken.code).toBe('CONFLICT');
  });

  it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
    expect((await apiError(app.sdk.Client({ id: '99999' }))).code).toBe('NOT_FOUND');
    expect((await apiError(app.sdk.UpdateClient({ input: { id: '99999', active: true } }))).code).toBe('NOT_FOUND');
    expect((await apiError(app.sdk.Client({ id: 'abc' }))).code).toBe('BAD_USER_INPUT');
    expect((await apiError(app.sdk.Client({}))).code).toBe('BAD_USER_INPUT');
    expect((await apiError(app.sdk.Client({ id: '1', slug: 'acme' }))).code).toBe('BAD_USER_INPUT');
    const longSlug = await apiError(app.sdk.Client({ slug: 's'.repeat(100_000) }));
    expect(longSlug.code).toBe('BAD_USER_INPUT');
    expect(longSlug.message.length).toBeLessThan(200);
  });

  it('pages through every client exactly once, in name order, with cursors', async () => {
    for (let i = 0; i < 23; i++) await app.sdk.CreateClient({ input: { name: `Paging ${String(i).padStart(2, '0')}` } });
    const seen: string[] = [];
    let after: string | null | undefined = null;
    let pages = 0;
    do {
      const { clients }: Awaited<ReturnType<typeof app.sdk.Clients>> = await app.sdk.Clients({
        first: 10,
        after,
        filter: { search: 'paging' },
      });
      expect(clients.totalCount).toBe(23);
      seen.push(...clients.edges.map((e) => e.node.name));
      after = clients.pageInfo.hasNextPage ? clients.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `Paging ${String(i).padStart(2, '0')}`));
  });

  it('filters by active flag and by a search text containing LIKE wildcards literally', async () => {
    await app.sdk.CreateClient({ input: { name: '100% Uptime' } });
    await app.sdk.CreateClient({ input: { name: '100 Percent', active: false } });
    const literal = await app.sdk.Clients({ filter: { search: '100%' } });
    expect(literal.clients.edges.map((e) => e.node.name)).toEqual(['100% Uptime']);
    const inactive = await app.sdk.Clients({ first: 100, filter: { active: false } });
    expect(inactive.clients.edges.map((e) => e.node.name).sort()).toEqual(['100 Percent', 'Globex']);
  });

  it('caps first at 100 and rejects a cursor it did not hand out', async () => {
    const tooMany = await apiError(app.sdk.Clients({ first: 101 }));
    expect(tooMany.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badCursor = await apiError(app.sdk.Clients({ after: 'not-a-cursor' }));
    expect(badCursor.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
