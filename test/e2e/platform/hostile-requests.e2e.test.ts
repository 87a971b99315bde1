import { startTestApp, TestApp } from '../../helpers/test-app';

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
}

const post = async (app: TestApp, body: unknown): Promise<Answer> => {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
};

const codeOf = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;
const unexpectedLogged = (lines: string[]) => lines.filter((line) => /unexpected error|"err":/.test(line));

describe('hostile and malformed requests', () => {
  let app: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    app = await startTestApp('hostile_requests', { logLines });
  });
  afterAll(() => app.stop());
  afterEach(() => expect(unexpectedLogged(logLines)).toEqual([]));

  it('answers a syntax error with 400 GRAPHQL_PARSE_FAILED, so clients do not retry it', async () => {
    const answer = await post(app, { query: '{ clients { ' });
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers a document of more than 10,000 tokens with 400 GRAPHQL_PARSE_FAILED', async () => {
    const answer = await post(app, { query: `{ ${'__typename '.repeat(12_000)}}` });
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('GRAPHQL_PARSE_FAILED');
    expect(answer.body.errors![0].message).toMatch(/10000 tokens/);
  });

  it('names the operations a document has when operationName matches none', async () => {
    const answer = await post(app, { query: 'query Mine { me { id } } query Yours { me { email } }', operationName: 'Theirs' });
    expect(answer.status).toBe(400);
    expect(codeOf(answer)).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(answer.body.errors![0].message).toBe('The document has no operation named "Theirs"; it has Mine, Yours.');
    const unnamed = await post(app, { query: 'query Mine { me { id } } query Yours { me { email } }' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors![0].message).toContain('name the one to run with operationName');
  });

  it('refuses 2,000 aliases of a cheap field before anything runs', async () => {
    const answer = await post(app, { query: `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: __typename`).join(' ')} }` });
    expect(answer.status).toBe(400);
    expect(answer.body.data).toBeUndefined();
    expect(answer.body.errors![0].message).toMatch(/Aliases limit of 30 exceeded, found 2000/);
  });

  it('refuses subscriptions and bad persisted-query extensions with a code, and logs no stack', async () => {
    const subscription = await post(app, { query: 'subscription { __typename }' });
    expect([subscription.status, codeOf(subscription)]).toEqual([400, 'BAD_REQUEST']);
    const wrongHash = await post(app, { query: '{ me { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } });
    expect([wrongHash.status, codeOf(wrongHash)]).toEqual([400, 'BAD_REQUEST']);
    const wrongVersion = await post(app, { query: '{ me { id } }', extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } });
    expect([wrongVersion.status, codeOf(wrongVersion)]).toEqual([400, 'BAD_REQUEST']);
  });

  it('refuses control characters and lone surrogates in any string, naming the field, and stores nothing', async () => {
    const before = (await app.sdk.Clients({})).clients.totalCount;
    const inVariables = await post(app, {
      query: 'mutation ($input: CreateClientInput!) { createClient(input: $input) { id } }',
      variables: { input: { name: 'Acme\u0000 Ltd' } },
    });
    expect([inVariables.status, codeOf(inVariables), inVariables.body.errors![0].extensions!.field]).toEqual([
      400,
      'BAD_USER_INPUT',
      'input.name',
    ]);
    const inLiteral = await post(app, { query: 'mutation { createClient(input: { name: "Acme\\u001b[31m" }) { id } }' });
    expect([codeOf(inLiteral), inLiteral.body.errors![0].extensions!.field]).toEqual(['BAD_USER_INPUT', 'input.name']);
    const surrogate = await post(app, {
      query: 'mutation ($email: String!) { login(input: { email: $email, password: "whatever-it-is" }) { accessToken } }',
      variables: { email: '\ud800@example.com' },
    });
    expect([surrogate.status, codeOf(surrogate), surrogate.body.errors![0].extensions!.field]).toEqual([400, 'BAD_USER_INPUT', 'email']);
    const tabsAndNewlines = await post(app, { query: 'mutation { createClient(input: { name: "Tab\\tand\\nline" }) { name } }' });
    expect(tabsAndNewlines.body.data).toEqual({ createClient: { name: 'Tab\tand\nline' } });
    expect((await app.sdk.Clients({})).clients.totalCount).toBe(before + 1);
  });
});
