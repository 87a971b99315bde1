import { EntityManager } from 'typeorm';
import { Client } from '../../entities/client.entity';
import { LaborType } from '../../entities/labor-type.entity';
import { WorkItem } from '../../entities/work-item.entity';
import { decideBilling } from './billing-rules';

/** The labor types (a small table, read whole) and the install's default. */
export interface Rules {
  types: Map<number, LaborType>;
  installDefault: LaborType;
}

export async function loadRules(manager: EntityManager): Promise<Rules> {
  const all = await manager.find(LaborType);
  const installDefault = all.find((t) => t.isDefault);
  // the migration creates one and updateLaborType keeps one: its absence is a broken database
  if (!installDefault) throw new Error('No default labor type: the billing migration did not run.');
  return { types: new Map(all.map((t) => [t.id, t])), installDefault };
}

/** Applies the current rules to an unlocked item; true when anything billing-relevant changed. */
export function applyRules(item: WorkItem, client: Client | null, rules: Rules): boolean {
  const decision = decideBilling(item, client, rules.types, rules.installDefault);
  const changed =
    item.laborTypeId !== decision.laborTypeId ||
    item.afterHours !== decision.afterHours ||
    item.billableCentiminutes !== decision.billableCentiminutes ||
    item.ruleVersion !== decision.ruleVersion;
  Object.assign(item, decision);
  return changed;
}
