import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

/**
 * A private 3-node MariaDB Galera cluster on loopback ports, with data directories of its own under
 * `dir`; started and stopped by the test. Never the shared MariaDB on 3306. Needs Debian's galera-4
 * (/usr/lib/galera/libgalera_smm.so), mariadb-server and rsync (the state transfer of a joining node).
 */
export const GALERA_PROVIDER = '/usr/lib/galera/libgalera_smm.so';
const BASE = { sql: 3340, group: 4640, ist: 4740, sst: 4840 };

export interface GaleraNode {
  index: number;
  port: number;
  datadir: string;
  process?: ChildProcess;
}

/** Why the cluster cannot run here, or null when it can. */
export function galeraMissing(): string | null {
  if (!existsSync(GALERA_PROVIDER)) return `${GALERA_PROVIDER} is missing: apt-get install galera-4`;
  for (const tool of ['mariadbd', 'mariadb-install-db', 'rsync']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return `${tool} is missing: apt-get install mariadb-server rsync galera-4`;
    }
  }
  return null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class GaleraCluster {
  readonly nodes: GaleraNode[];

  constructor(readonly dir: string) {
    this.nodes = [1, 2, 3].map((index) => ({ index, port: BASE.sql + index, datadir: join(dir, `node${index}`) }));
  }

  url(node: GaleraNode, database: string): string {
    return `mysql://root@127.0.0.1:${node.port}/${database}`;
  }

  /** Bootstraps node 1, then joins 2 and 3 (by state transfer); resolves when all three are synced. */
  async start(): Promise<void> {
    rmSync(this.dir, { recursive: true, force: true });
    for (const node of this.nodes) mkdirSync(node.datadir, { recursive: true });
    // mysql owns the data: the rsync state transfer drops its daemon's rights, and fails on root's files
    execFileSync(
      'mariadb-install-db',
      ['--no-defaults', `--datadir=${this.nodes[0].datadir}`, '--user=mysql', '--auth-root-authentication-method=normal', '--skip-test-db'],
      { stdio: 'ignore' },
    );
    execFileSync('chown', ['-R', 'mysql:mysql', this.dir]);
    this.launch(this.nodes[0], true);
    await this.waitSynced(this.nodes[0]);
    for (const node of this.nodes.slice(1)) {
      this.launch(node, false);
      await this.waitSynced(node);
    }
  }

  private launch(node: GaleraNode, bootstrap: boolean): void {
    const n = node.index;
    const peers = this.nodes.map((p) => `127.0.0.1:${BASE.group + p.index}`).join(',');
    const args = [
      '--no-defaults',
      `--datadir=${node.datadir}`,
      `--port=${node.port}`,
      '--bind-address=127.0.0.1',
      `--socket=${node.datadir}.sock`,
      `--pid-file=${node.datadir}.pid`,
      '--user=mysql',
      '--skip-log-error', // to stderr, which goes to the node's log file
      '--wsrep-on=ON',
      `--wsrep-provider=${GALERA_PROVIDER}`,
      '--wsrep-cluster-name=msp-test',
      `--wsrep-cluster-address=gcomm://${peers}`,
      `--wsrep-node-address=127.0.0.1:${BASE.group + n}`,
      `--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:${BASE.group + n};ist.recv_addr=127.0.0.1:${BASE.ist + n}`,
      '--wsrep-sst-method=rsync',
      `--wsrep-sst-receive-address=127.0.0.1:${BASE.sst + n}`,
      '--binlog-format=ROW',
      '--default-storage-engine=InnoDB',
      '--innodb-autoinc-lock-mode=2',
      '--innodb-buffer-pool-size=64M',
      '--max-connections=200',
      ...(bootstrap ? ['--wsrep-new-cluster'] : []),
    ];
    const log = openSync(`${node.datadir}.log`, 'a');
    node.process = spawn('mariadbd', args, { stdio: ['ignore', log, log], detached: false });
  }

  /** Waits until the node answers and says Synced (a joining node first receives the cluster's state). */
  async waitSynced(node: GaleraNode, timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'not started';
    while (Date.now() < deadline) {
      if (node.process?.exitCode !== null && node.process?.exitCode !== undefined)
        throw new Error(`Galera node ${node.index} exited (${node.process.exitCode}); see ${node.datadir}.log`);
      try {
        const state = await this.query<{ Value: string }>(node, "SHOW STATUS LIKE 'wsrep_local_state_comment'");
        last = state[0]?.Value ?? 'unknown';
        if (last === 'Synced') return;
      } catch (error) {
        last = (error as Error).message;
      }
      await sleep(250);
    }
    throw new Error(`Galera node ${node.index} not synced after ${timeoutMs} ms (${last}); see ${node.datadir}.log`);
  }

  async query<T>(node: GaleraNode, sql: string, params: unknown[] = []): Promise<T[]> {
    const connection = await createConnection({ host: '127.0.0.1', port: node.port, user: 'root', connectTimeout: 2000 });
    try {
      const [rows] = await connection.query(sql, params);
      return rows as T[];
    } finally {
      await connection.end();
    }
  }

  /** kill -9: no shutdown, no goodbye to the cluster. */
  kill(node: GaleraNode): void {
    node.process?.kill('SIGKILL');
  }

  /** Starts a killed node again; it rejoins the running cluster. */
  async restart(node: GaleraNode): Promise<void> {
    await this.exited(node);
    this.launch(node, false);
    await this.waitSynced(node);
  }

  private async exited(node: GaleraNode): Promise<void> {
    const child = node.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => child.once('exit', resolve));
  }

  /** Stops every node (a normal shutdown, then kill -9 after 20 s) and removes the data. */
  async stop(): Promise<void> {
    await Promise.all(
      this.nodes.map(async (node) => {
        const child = node.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await this.exited(node);
        clearTimeout(timer);
      }),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}
