import { EntityManager, QueryFailedError } from 'typeorm';
import { now } from '../../entities/columns';
import { emptyCapabilities, MachineCapabilities } from '../../entities/machine-capabilities';
import { Machine } from '../../entities/machine.entity';
import type { MachineCapabilitiesInput, RegisterMachineInput } from '../../resolvers/machine.inputs';
import type { Scope } from '../context';
import { Database } from '../database/database';
import { BadInputError, NotFoundError } from '../errors';
import { machineFingerprint } from './machine-fingerprint';

export async function getMachine(manager: EntityManager, id: number, field = 'id'): Promise<Machine> {
  const machine = await manager.findOneBy(Machine, { id });
  if (!machine) throw new NotFoundError('Machine', id, field);
  return machine;
}

export async function findMachine(db: Database, by: { id?: number; fingerprint?: string }): Promise<Machine> {
  if (by.id !== undefined) return getMachine(db.manager, by.id);
  if (!by.fingerprint) throw new BadInputError('fingerprint', 'give the machine fingerprint or its id');
  const machine = await db.manager.findOneBy(Machine, { fingerprint: by.fingerprint.toLowerCase() });
  if (!machine) throw new NotFoundError('Machine', by.fingerprint, 'fingerprint');
  return machine;
}

function toCapabilities(input: MachineCapabilitiesInput): MachineCapabilities {
  return {
    ...emptyCapabilities(),
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)),
    packageManagers: (input.packageManagers ?? []).map(({ name, install }) => ({ name, install })),
  };
}

async function upsert(manager: EntityManager, input: RegisterMachineInput): Promise<{ machine: Machine; created: boolean }> {
  const fingerprint = machineFingerprint(input);
  const at = now();
  const existing = await manager.findOneBy(Machine, { fingerprint });
  if (existing) {
    if (input.preferredShell !== undefined) existing.preferredShell = input.preferredShell;
    if (input.capabilities) existing.capabilities = toCapabilities(input.capabilities);
    existing.lastSeenAt = at;
    return { machine: await manager.save(existing), created: false };
  }
  const machine = manager.create(Machine, {
    fingerprint,
    hostname: input.hostname,
    username: input.username,
    platform: input.platform,
    homeDirectory: input.homeDirectory,
    preferredShell: input.preferredShell ?? null,
    capabilities: input.capabilities ? toCapabilities(input.capabilities) : emptyCapabilities(),
    firstSeenAt: at,
    lastSeenAt: at,
  });
  return { machine: await manager.save(machine), created: true };
}

/** Upsert by fingerprint. Two agents registering the same machine at once both succeed: the loser of the insert race updates. */
export async function registerMachine(scope: Scope, input: RegisterMachineInput): Promise<{ machine: Machine; created: boolean }> {
  try {
    return await scope.db.transaction(scope, (manager) => upsert(manager, input));
  } catch (error) {
    if (!(error instanceof QueryFailedError)) throw error;
    return scope.db.transaction(scope, (manager) => upsert(manager, input));
  }
}
