import { EntityManager } from 'typeorm';
import { now } from '../../entities/columns';
import { emptyCapabilities, MachineCapabilities } from '../../entities/machine-capabilities';
import { Machine } from '../../entities/machine.entity';
import { Database } from '../database/database';
import { BadInputError, NotFoundError } from '../core/errors';
import { isDuplicateKey } from '../database/database-faults';
import { machineFingerprint } from './machine-fingerprint';
import { findOrFail } from '../kit/find-or-fail';
import { CommandArgs, commandFor, CommandSuggestion, CommandTask, MachineShell, renderSuggestion } from './command-templates';
import type { MachineCapabilitiesReport, RegisterMachine } from './machine.commands';
import type { Scope } from '../kit/scope';

export async function findMachine(db: Database, by: { id?: number; fingerprint?: string }): Promise<Machine> {
  if ((by.id === undefined) === !by.fingerprint) throw new BadInputError('fingerprint', 'give either the machine fingerprint or its id');
  if (by.id !== undefined) return findOrFail(db.manager, Machine, by.id);
  const fingerprint = by.fingerprint!.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(fingerprint)) throw new BadInputError('fingerprint', 'must be 64 hexadecimal characters (a SHA-256)');
  const machine = await db.manager.findOneBy(Machine, { fingerprint });
  if (!machine) throw new NotFoundError('Machine', fingerprint, 'fingerprint');
  return machine;
}

/** The stored JSON must fit a TEXT column (64 KiB) with room to spare, whatever the characters. */
const MAX_CAPABILITIES_BYTES = 48_000;

function toCapabilities(input: MachineCapabilitiesReport): MachineCapabilities {
  const capabilities: MachineCapabilities = {
    ...emptyCapabilities(),
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)),
    packageManagers: (input.packageManagers ?? []).map(({ name, install }) => ({ name, install })),
  };
  if (Buffer.byteLength(JSON.stringify(capabilities)) > MAX_CAPABILITIES_BYTES) {
    throw new BadInputError('capabilities', `are larger than ${MAX_CAPABILITIES_BYTES} bytes as JSON; list fewer or shorter entries`);
  }
  return capabilities;
}

async function upsert(manager: EntityManager, input: RegisterMachine): Promise<{ machine: Machine; created: boolean }> {
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
export async function registerMachine(scope: Scope, input: RegisterMachine): Promise<{ machine: Machine; created: boolean }> {
  try {
    return await scope.db.transaction(scope, (manager) => upsert(manager, input));
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return scope.db.transaction(scope, (manager) => upsert(manager, input));
  }
}

/** What commandFor needs to know about a machine. */
const shellOf = (machine: Machine): MachineShell => ({
  platform: machine.platform,
  preferredShell: machine.preferredShell,
  powershellVersion: machine.capabilities.powershellVersion,
  packageManagers: machine.capabilities.packageManagers,
});

export interface RenderedSuggestion extends CommandSuggestion {
  text: string;
}

/** The command for a task on a machine, in its shell, with the arguments quoted for that shell. */
export function suggestCommand(machine: Machine, task: CommandTask, args: CommandArgs = {}): RenderedSuggestion {
  const suggestion = commandFor(shellOf(machine), task, args);
  return { ...suggestion, text: renderSuggestion(suggestion) };
}

export async function commandForMachine(
  db: Database,
  machineId: number,
  task: CommandTask,
  args?: CommandArgs,
): Promise<RenderedSuggestion> {
  return suggestCommand(await findOrFail(db.manager, Machine, machineId, 'machineId'), task, args);
}

/** Tasks that need no arguments: registerMachine answers them up front, so an agent starts with its commands. */
const UP_FRONT: CommandTask[] = [
  CommandTask.LIST_FILES,
  CommandTask.PROCESS_LIST,
  CommandTask.IP_CONFIG,
  CommandTask.DISK_USAGE,
  CommandTask.NETWORK_CONNECTIONS,
  CommandTask.SYSTEM_INFO,
  CommandTask.LIST_USERS,
];

export const upFrontCommands = (machine: Machine): RenderedSuggestion[] => UP_FRONT.map((task) => suggestCommand(machine, task));
