import 'reflect-metadata';
import { getNamedType, GraphQLObjectType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { permissions, rootRules, rootTypes } from '../../src/graphql/permissions';
import { buildAppSchema } from '../../src/graphql/schema';

/**
 * Shield guards the root fields only (see permissions.ts): that is safe while every root field has a rule
 * and the roots are the only ways in. These prove both from the live schema.
 */
describe('permissions on the roots', () => {
  const schema = buildAppSchema();
  const roots = rootTypes(schema);

  it('has a rule for every query and mutation', () => {
    const rules = rootRules(schema) as Record<string, Record<string, unknown>>;
    const missing = roots.flatMap((type) =>
      Object.keys(type.getFields())
        .filter((field) => !rules[type.name]?.[field])
        .map((field) => `${type.name}.${field}`),
    );
    expect(roots.map((type) => type.name).sort()).toEqual(['Mutation', 'Query']);
    expect(missing).toEqual([]);
  });

  it('puts its middleware on the root types only', () => {
    expect(Object.keys(permissions(schema) as object).sort()).toEqual(['Mutation', 'Query']);
  });

  it('has no way in but the roots: no subscriptions, and no field of any type leads back to a root type', () => {
    expect(schema.getSubscriptionType()).toBeFalsy();
    const rootNames = new Set(roots.map((type) => type.name));
    const backDoors = Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) =>
        Object.values(type.getFields()).map((field) => ({ at: `${type.name}.${field.name}`, type: getNamedType(field.type) })),
      )
      .filter(
        ({ type }) =>
          rootNames.has(type.name) ||
          ((isUnionType(type) || isInterfaceType(type)) && schema.getPossibleTypes(type).some((t) => rootNames.has(t.name))),
      )
      .map(({ at }) => at);
    expect(backDoors).toEqual([]);
  });

  it('reaches every object type from the roots: no type is an entry of its own', () => {
    const seen = new Set<string>();
    const visit = (type: GraphQLObjectType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (isObjectType(named)) visit(named);
        else if (isUnionType(named) || isInterfaceType(named)) schema.getPossibleTypes(named).forEach(visit);
      }
    };
    roots.forEach(visit);
    const objectTypes = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && !type.name.startsWith('__'));
    expect(objectTypes.filter((type) => !seen.has(type.name)).map((type) => type.name)).toEqual([]);
  });
});
