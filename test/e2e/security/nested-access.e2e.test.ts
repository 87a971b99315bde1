import {
  getNamedType,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
} from 'graphql';
import { buildAppSchema } from '../../../src/graphql/schema';
import { sampleOperations } from '../../helpers/sample-operations';
import { startTestApp, TestApp } from '../../helpers/test-app';

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { path?: (string | number)[]; extensions?: { code?: string } }[];
}

async function ask(url: string, query: string, token?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Answer;
}

const noRequiredArgs = (field: GraphQLField<unknown, unknown>) =>
  field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined);

/** A selection `depth` levels into a type: its first few scalar fields and objects, none with required arguments. */
function selection(type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields()).filter(noRequiredArgs);
  const leaves = fields
    .filter((f) => isLeafType(getNamedType(f.type)))
    .slice(0, 4)
    .map((f) => f.name);
  const objects = depth > 1 ? fields.filter((f) => isObjectType(getNamedType(f.type))).slice(0, 3) : [];
  const inner = objects.map((f) => `${f.name} { ${selection(getNamedType(f.type) as GraphQLObjectType, depth - 1)} }`);
  return [...leaves, ...inner, '__typename'].join(' ');
}

/** Each query root with a nested selection three levels deep, its arguments as the sample operations give them. */
function nestedQueries(schema: GraphQLSchema) {
  const queryType = schema.getQueryType()!;
  return sampleOperations(schema)
    .filter((op) => op.kind === 'query')
    .flatMap((op) => {
      const type = getNamedType(queryType.getFields()[op.name].type);
      if (!isObjectType(type)) return [];
      const query = op.query.replace('{ __typename } }', `{ ${selection(type, 3)} } }`);
      return [{ name: op.name, query }];
    });
}

/**
 * Nothing inside a root field is read through a root the caller may not call: the refused root answers
 * null, whatever its selection asks for, and agent tokens stay confined to their own session and client.
 */
describe('nested fields behind their root', () => {
  let app: TestApp;
  const schema = buildAppSchema();
  const queries = nestedQueries(schema);
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp('nested_access');
    ids.mine = (await app.sdk.CreateClient({ input: { name: 'Mine' } })).createClient.id;
    ids.other = (await app.sdk.CreateClient({ input: { name: 'Other' } })).createClient.id;
    ids.session = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId: ids.mine, title: 'own session' } })).startSession.id;
    ids.otherSession = (await app.sdk.StartSession({ input: { mode: 'MSP', clientId: ids.other, title: 'secret title' } })).startSession.id;
    await app.sdk.LogWorkItem({ input: { sessionId: ids.otherSession, category: 'OTHER', description: 'secret work', minutes: 5 } });
    tokens.agent = (await app.sdk.IssueAgentToken({ input: { sessionId: ids.session, scopes: ['READ', 'WRITE'] } })).issueAgentToken.token;
    tokens.writer = (await app.sdk.IssueAgentToken({ input: { sessionId: ids.session, scopes: ['WRITE'] } })).issueAgentToken.token;
  });
  afterAll(() => app.stop());

  it('builds valid nested documents for every query root', () => {
    expect(queries.length).toBeGreaterThan(25);
    expect(queries.filter((q) => validate(schema, parse(q.query)).length).map((q) => q.name)).toEqual([]);
  });

  it.each([
    ['no token', undefined],
    ['an agent token (read and write)', 'agent'],
    ['a write-only agent token', 'writer'],
  ])('answers null for every refused root with %s, nested selection and all', async (_case, which) => {
    const token = which ? tokens[which] : undefined;
    const leaks: string[] = [];
    let refused = 0;
    for (const { name, query } of queries) {
      const answer = await ask(app.url, query, token);
      const denied = (answer.errors ?? []).some((e) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(e.extensions?.code ?? ''));
      if (!denied) continue;
      refused += 1;
      if (answer.data?.[name] != null) leaks.push(`${name}: ${JSON.stringify(answer.data[name]).slice(0, 200)}`);
    }
    expect(leaks).toEqual([]);
    expect(refused).toBeGreaterThan(which === 'agent' ? 10 : 25);
  });

  it("keeps an agent's nested reads to its own session and client", async () => {
    const deep = (root: string) => `query { ${root} { id title workItems { nodes { description } } client { name } } }`;
    const own = await ask(app.url, deep(`session(id: "${ids.session}")`), tokens.agent);
    expect(own.errors).toBeUndefined();
    expect(own.data?.session).toMatchObject({ title: 'own session', client: { name: 'Mine' } });

    const foreign = await ask(app.url, deep(`session(id: "${ids.otherSession}")`), tokens.agent);
    expect(foreign.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(foreign.data ?? null)).not.toMatch(/secret|Other/);

    for (const query of [
      `query { client(id: "${ids.other}") { name sessions { nodes { title workItems { nodes { description } } } } } }`,
      `query { sessions(filter: { clientId: "${ids.other}" }) { nodes { title workItems { nodes { description } } } } }`,
      'query { clients { nodes { name projects { nodes { name } } sessions { nodes { title } } } } }',
    ]) {
      const answer = await ask(app.url, query, tokens.agent);
      expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(answer.data ?? null)).not.toMatch(/secret|Other/);
    }
  });

  it('refuses a write-only caller a mutation selecting deeper than its own result, before anything is written', async () => {
    const deeper = `mutation { logWorkItem(input: { sessionId: "${ids.session}", category: OTHER, description: "refused blind write", minutes: 1 }) { id session { client { name } } } }`;
    const answer = await ask(app.url, deeper, tokens.writer);
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(answer.data?.logWorkItem ?? null).toBeNull();
    const { session } = await app.sdk.Session({ id: ids.session });
    expect(session?.workItems.nodes.map((w) => w.description)).not.toContain('refused blind write');
  });
});
