/**
 * The raw baseline of `npm run bench`: bare mysql2 + node:http answering shapes N and R with the same JSON
 * as the service, from the minimum SQL (one ROW_NUMBER() OVER (PARTITION BY …) statement per level of N,
 * one aggregate for R). No GraphQL, no ORM, no auth. MariaDB only. Run as a child process by bench-load.ts:
 * `node -r @swc-node/register scripts/bench-raw-server.ts <database url> <port>`; prints "listening" when ready.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { createPool, Pool, RowDataPacket } from 'mysql2/promise';

type Row = RowDataPacket & Record<string, unknown>;

/** Rows of a child level: at most first + 1 per parent, ranked inside the database. */
async function childRows(
  pool: Pool,
  table: string,
  columns: string,
  parent: string,
  order: string,
  parentIds: number[],
  first: number,
): Promise<Map<number, Row[]>> {
  const byParent = new Map<number, Row[]>();
  if (!parentIds.length) return byParent;
  const [rows] = await pool.query<Row[]>(
    `SELECT ${columns}, ${parent} AS parent FROM (SELECT ${columns}, ${parent}, ROW_NUMBER() OVER (PARTITION BY ${parent} ORDER BY ${order}) AS rn ` +
      `FROM ${table} WHERE ${parent} IN (?)) t WHERE rn <= ? ORDER BY ${parent}, rn`,
    [parentIds, first + 1],
  );
  for (const row of rows) {
    const list = byParent.get(row.parent as number) ?? [];
    list.push(row);
    byParent.set(row.parent as number, list);
  }
  return byParent;
}

/** A connection's JSON for a parent: `first` nodes and whether more exist. */
function page<T>(rows: Row[] | undefined, first: number, node: (row: Row) => T) {
  const list = rows ?? [];
  return { pageInfo: { hasNextPage: list.length > first }, nodes: list.slice(0, first).map(node) };
}

/** Shape N: clients → projects → sessions → work items, `first` per level. */
async function shapeN(pool: Pool, first: number) {
  const [clients] = await pool.query<Row[]>('SELECT id, name FROM clients ORDER BY name, id LIMIT ?', [first + 1]);
  const shown = clients.slice(0, first);
  const projects = await childRows(
    pool,
    'projects',
    'id, name',
    'client_id',
    'name, id',
    shown.map((c) => c.id as number),
    first,
  );
  const projectIds = [...projects.values()].flatMap((rows) => rows.slice(0, first).map((p) => p.id as number));
  const sessions = await childRows(pool, 'sessions', 'id, started_at', 'project_id', 'started_at DESC, id DESC', projectIds, first);
  const sessionIds = [...sessions.values()].flatMap((rows) => rows.slice(0, first).map((s) => s.id as number));
  const items = await childRows(pool, 'work_items', 'id, minutes, description', 'session_id', 'created_at, id', sessionIds, first);
  return {
    data: {
      clients: {
        pageInfo: { hasNextPage: clients.length > first },
        nodes: shown.map((c) => ({
          id: String(c.id),
          name: c.name,
          projects: page(projects.get(c.id as number), first, (p) => ({
            id: String(p.id),
            name: p.name,
            sessions: page(sessions.get(p.id as number), first, (s) => ({
              id: String(s.id),
              startedAt: (s.started_at as Date).toISOString(),
              workItems: page(items.get(s.id as number), first, (w) => ({
                id: String(w.id),
                minutes: w.minutes,
                description: w.description,
              })),
            })),
          })),
        })),
      },
    },
  };
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const cents = (value: number) => (value / 100).toFixed(2);

/** Shape R: one client's figures over [from, to), one aggregate statement. */
async function shapeR(pool: Pool, clientId: number, from: string, to: string) {
  const amount = (quantity: string) =>
    `ROUND(${quantity} * CASE WHEN w.billed_at IS NOT NULL THEN COALESCE(s.billed_rate_cents, 0) ELSE COALESCE(c.hourly_rate_cents, 0) END / 6000)`;
  const [[row]] = await pool.query<Row[]>(
    `SELECT COUNT(DISTINCT s.id) AS sessions, COALESCE(SUM(w.minutes), 0) AS minutes, COALESCE(SUM(CASE WHEN w.billable = 1 THEN w.minutes ELSE 0 END), 0) AS actual, ` +
      `COALESCE(SUM(w.billable_centiminutes), 0) AS billable_cm, COALESCE(SUM(w.prepaid_centiminutes), 0) AS prepaid_cm, ` +
      `COALESCE(SUM(${amount('w.billable_centiminutes')}), 0) AS value_cents, COALESCE(SUM(CASE WHEN w.billed_at IS NOT NULL THEN ${amount('w.billable_centiminutes')} ELSE 0 END), 0) AS billed_cents, ` +
      `COALESCE(SUM(${amount('w.billable_centiminutes - w.prepaid_centiminutes')}), 0) AS overage_cents, MAX(c.name) AS client_name ` +
      'FROM sessions s LEFT JOIN work_items w ON w.session_id = s.id LEFT JOIN clients c ON c.id = s.client_id WHERE s.started_at >= ? AND s.started_at < ? AND s.client_id = ?',
    [from, to, clientId],
  );
  const n = (key: string) => Number(row[key]);
  const figures = {
    sessions: n('sessions'),
    hours: hours(n('minutes')),
    minutes: n('minutes'),
    actualBillableMinutes: n('actual'),
    actualBillableHours: hours(n('actual')),
    billableMinutes: n('billable_cm') / 100,
    billableHours: hours(n('billable_cm') / 100),
    billableValueCents: n('value_cents'),
    billableValue: cents(n('value_cents')),
    amountBilledCents: n('billed_cents'),
    billedAmount: cents(n('billed_cents')),
    unbilledCents: n('value_cents') - n('billed_cents'),
    unbilledAmount: cents(n('value_cents') - n('billed_cents')),
    prepaidMinutes: n('prepaid_cm') / 100,
    overageCents: n('overage_cents'),
  };
  const key = {
    clientId: null,
    clientName: null,
    projectId: null,
    projectName: null,
    category: null,
    month: null,
    machineId: null,
    machineHostname: null,
    laborTypeId: null,
    laborTypeName: null,
    technicianId: null,
    technicianName: null,
  };
  const text = `${row.client_name} - ${from.slice(0, 10)} to ${to.slice(0, 10)}: ${figures.sessions} sessions, ${figures.hours} hours, ${figures.billableValue} billable, ${figures.billedAmount} billed`;
  return { data: { report: { groups: figures.sessions ? [{ key, figures }] : [], total: figures, text } } };
}

async function main() {
  const [url, port] = process.argv.slice(2);
  // the same pool size as the service's (mysql2's default, 10)
  const pool = createPool({ uri: url, timezone: 'Z', connectionLimit: 10 });
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    for await (const chunk of req) void chunk; // the body is the GraphQL request; the route says what to answer
    const body = req.url?.startsWith('/n')
      ? await shapeN(pool, Number(query.get('first') ?? 20))
      : await shapeR(pool, Number(query.get('clientId')), query.get('from')!, query.get('to')!);
    const json = JSON.stringify(body);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  };
  createServer((req, res) => {
    answer(req, res).catch((error) => {
      res.writeHead(500);
      res.end(String(error));
    });
  }).listen(Number(port), () => console.log('listening'));
}

void main();
