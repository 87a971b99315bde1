import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/** mulberry32: a small seeded generator, so a failing request can be made again from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const STRINGS = [
  '',
  ' ',
  'x',
  'Acme',
  'dc01.acme.local',
  '10.0.0.1',
  "'; DROP TABLE clients; --",
  '%_%',
  'ünïcødé 🚀',
  'x'.repeat(5000),
  'a\u0000b',
  '\ud800',
  '{"a":1}',
  '<script>',
  'get-localuser',
];
const INTS = [0, 1, -1, 20, 100, 101, 2_147_483_647, -2_147_483_648, 1e9, 3];
const IDS = ['1', '2', '3', '0', '-1', '999999', 'abc', '1e3', ' ', '9'.repeat(40), ''];
const DATES = [
  '2026-01-01T00:00:00Z',
  '2026-12-01',
  'yesterday',
  '1900-01-01T00:00:00Z',
  '2999-12-31T23:59:59Z',
  '2026-06-30T23:30:00-07:00',
];
/** Values of the wrong kind: GraphQL's variable coercion must refuse them with a 400. */
const WRONG = [{}, [], 'seven', 7.5, true, { nested: { deep: 1 } }];

/** A JSON value for a variable of this type: usually of the right shape, sometimes hostile, now and then wrong. */
export function randomValue(type: GraphQLInputType, random: Random, depth = 0): unknown {
  if (random() < 0.03) return pick(random, WRONG);
  if (isNonNullType(type)) return randomValue(type.ofType, random, depth);
  if (random() < 0.08) return null;
  if (isListType(type)) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(type.ofType, random, depth + 1));
  if (isEnumType(type)) return random() < 0.9 ? pick(random, type.getValues()).name : 'NOT_A_VALUE';
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (depth < 3 && (required || random() < 0.5)) value[field.name] = randomValue(field.type, random, depth + 1);
    }
    return value;
  }
  if (isScalarType(type)) {
    if (type.name === 'Int') return pick(random, INTS);
    if (type.name === 'Float') return pick(random, [0, -1.5, 1e308, 3.14]);
    if (type.name === 'Boolean') return random() < 0.5;
    if (type.name === 'ID') return pick(random, IDS);
    if (type.name === 'DateTimeISO') return pick(random, DATES);
    if (type.name === 'JSON' || type.name === 'JSONObject') return pick(random, [{}, { a: 1 }, [1, 2], 'text']);
    return pick(random, STRINGS);
  }
  return null;
}

/** The leaf fields of a type (no required arguments), plus `__typename` under object fields. */
function selection(type: GraphQLNamedType, depth = 0): string {
  if (!isObjectType(type)) return '';
  const parts = Object.values(type.getFields())
    .filter((field) => !field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined))
    .map((field) => {
      const named = getNamedType(field.type);
      if (isLeafType(named)) return field.name;
      return depth < 1 ? `${field.name} { __typename ${selection(named, depth + 1)} }` : null;
    })
    .filter(Boolean);
  return parts.join(' ');
}

export interface RandomRequest {
  field: string;
  body: string;
}

/** A request for one root field with random arguments passed as variables. */
function fieldRequest(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, random: Random): RandomRequest {
  const args = field.args.filter((a) => isNonNullType(a.type) || random() < 0.6);
  const declarations = args.map((a, i) => `$v${i}: ${String(a.type)}`).join(', ');
  const argText = args.map((a, i) => `${a.name}: $v${i}`).join(', ');
  const named = getNamedType(field.type);
  const fields = isObjectType(named) ? ` { __typename ${selection(named)} }` : '';
  const query = `${kind}${declarations ? ` (${declarations})` : ''} { ${field.name}${argText ? `(${argText})` : ''}${fields} }`;
  const variables = Object.fromEntries(args.map((a, i) => [`v${i}`, randomValue(a.type, random)]));
  return { field: field.name, body: JSON.stringify({ query, variables }) };
}

/** The same request broken on the way: cut short, a character dropped, or its JSON body mangled. */
function broken(request: RandomRequest, random: Random): RandomRequest {
  const { query, variables } = JSON.parse(request.body) as { query: string; variables: unknown };
  const at = Math.floor(random() * query.length);
  const bodies = [
    JSON.stringify({ query: query.slice(0, at), variables }),
    JSON.stringify({ query: query.slice(0, at) + query.slice(at + 1), variables }),
    JSON.stringify({ query, variables: JSON.stringify(variables) }),
    JSON.stringify({ query: 42 }),
    JSON.stringify([{ query }]),
    JSON.stringify({ variables }),
    request.body.slice(0, Math.floor(random() * request.body.length)),
    JSON.stringify({ query, variables, operationName: 'Nope' }),
    JSON.stringify({ query, variables, extensions: { persistedQuery: { version: 1, sha256Hash: 'f00' } } }),
  ];
  return { field: request.field, body: pick(random, bodies) };
}

/** `count` requests over every root field of the schema but `skip`, from one seed: valid, hostile and broken. */
export function randomRequests(schema: GraphQLSchema, count: number, seed: number, skip: string[]): RandomRequest[] {
  const random = seededRandom(seed);
  const roots = [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field })),
  ].filter((root) => !skip.includes(root.field.name));
  return Array.from({ length: count }, () => {
    const root = pick(random, roots);
    const request = fieldRequest(root.kind, root.field, random);
    return random() < 0.2 ? broken(request, random) : request;
  });
}

export interface FuzzRequest extends RandomRequest {
  /** Which generator made it, to group the findings. */
  kind: string;
}

/** A selection `depth` levels deep through introspection's `ofType`, past any depth limit. */
const deepSelection = (depth: number) =>
  `{ __schema { types { fields { type ${'{ ofType '.repeat(depth)}{ name }${' }'.repeat(depth)} } } } }`;

/** Literals of every kind, for arguments of the wrong type. */
const LITERALS = [
  '123',
  '-1',
  '1.5',
  '"text"',
  '""',
  'true',
  'null',
  'NOT_AN_ENUM',
  '[1, 2]',
  '{ a: 1 }',
  '{}',
  '$undeclared',
  `"${'x'.repeat(50_000)}"`,
];

/** Requests the schema-guided sweep does not make: missing and wrong-typed arguments, unknown fields, huge and deep inputs, garbage. */
function hostileRequest(roots: { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[], random: Random): FuzzRequest {
  const root = pick(random, roots);
  const { kind, field } = root;
  const named = getNamedType(field.type);
  const fields = isObjectType(named) ? ' { __typename }' : '';
  const query = (text: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query: text, ...extra });
  const makers: [string, () => string][] = [
    ['missing arguments', () => query(`${kind} { ${field.name}${fields} }`)],
    [
      'wrong literal',
      () =>
        field.args.length
          ? query(`${kind} { ${field.name}(${pick(random, field.args).name}: ${pick(random, LITERALS)})${fields} }`)
          : query(`${kind} { ${field.name}(nope: 1)${fields} }`),
    ],
    [
      'unknown field',
      () =>
        query(
          pick(random, [
            `${kind} { ${field.name}${isObjectType(named) ? ' { noSuchField }' : ' { x }'} }`,
            `${kind} { noSuchRootField }`,
            `query { __type(name: "Client") { nope } }`,
          ]),
        ),
    ],
    [
      'unknown input field',
      () => {
        const request = JSON.parse(fieldRequest(kind, field, random).body) as { query: string; variables: Record<string, unknown> };
        for (const name of Object.keys(request.variables)) {
          const value = request.variables[name];
          if (value && typeof value === 'object' && !Array.isArray(value)) request.variables[name] = { ...value, notAField: 'x' };
        }
        return JSON.stringify(request);
      },
    ],
    [
      'huge strings',
      () => {
        const request = JSON.parse(fieldRequest(kind, field, random).body) as { query: string; variables: unknown };
        const huge = 'é'.repeat(100_000 + Math.floor(random() * 200_000));
        return JSON.stringify({
          ...request,
          variables: JSON.parse(JSON.stringify(request.variables, (_k, v) => (typeof v === 'string' ? huge : v))),
        });
      },
    ],
    ['body over 1 MB', () => query('{ __typename }', { variables: { pad: 'p'.repeat(1_100_000) } })],
    ['deep selection', () => query(deepSelection(20 + Math.floor(random() * 80)))],
    ['deep braces', () => query(`{ a ${'{ a '.repeat(500 + Math.floor(random() * 8000))}`)],
    [
      'deep variables',
      () => {
        const depth = 100 + Math.floor(random() * 3000);
        return `{"query":"query ($v: JSON) { __typename }","variables":{"v":${'['.repeat(depth)}1${']'.repeat(depth)}}}`;
      },
    ],
    ['fragment cycle', () => query('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }')],
    [
      'many aliases',
      () => query(`{ ${Array.from({ length: 40 + Math.floor(random() * 200) }, (_, i) => `a${i}: __typename`).join(' ')} }`),
    ],
    ['many operations', () => query(Array.from({ length: 50 }, (_, i) => `query Q${i} { __typename }`).join(' '), { operationName: 'Q7' })],
    [
      'wrong request shape',
      () =>
        pick(random, [
          query('{ __typename }', { variables: 'v' }),
          query('{ __typename }', { variables: [1] }),
          query('{ __typename }', { operationName: 42 }),
          query('{ __typename }', { extensions: 'x' }),
          '"just a string"',
          'null',
          '{}',
          JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ __typename }' }))),
        ]),
    ],
    [
      'garbage',
      () =>
        query(Array.from({ length: 1 + Math.floor(random() * 300) }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join('')),
    ],
  ];
  const [made, make] = pick(random, makers);
  return { kind: made, field: field.name, body: make() };
}

/**
 * `count` requests from one seed for a fuzz run: half from the schema-guided sweep (valid, hostile and
 * broken variables, mangled bodies), half hostile documents (see hostileRequest). Made one at a time:
 * together they would take gigabytes.
 */
export function* fuzzRequests(schema: GraphQLSchema, count: number, seed: number, skip: string[]): Generator<FuzzRequest> {
  const random = seededRandom(seed);
  const roots = [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ kind: 'query' as const, field })),
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field })),
  ].filter((root) => !skip.includes(root.field.name));
  for (let n = 0; n < count; n++) {
    if (random() < 0.5) {
      yield hostileRequest(roots, random);
      continue;
    }
    const root = pick(random, roots);
    const request = fieldRequest(root.kind, root.field, random);
    yield random() < 0.2 ? { kind: 'broken body', ...broken(request, random) } : { kind: 'schema-guided', ...request };
  }
}
