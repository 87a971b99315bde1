/** Entities whose every insert and update is written to the change log, with the GraphQL type name to file it under. */
export const auditedEntities = new Map<Function, string>();

/** Marks an entity as a business row: each create, update, archive, bill and unlock is logged. */
export const Audited =
  (objectType?: string): ClassDecorator =>
  (target) => {
    auditedEntities.set(target, objectType ?? target.name);
  };
