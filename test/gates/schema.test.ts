import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { buildAppSchema, printAppSchema } from '../../src/graphql/schema';

describe('schema.graphql', () => {
  const schema = buildAppSchema();

  it('is what the code emits (run `npm run generate` after changing the API)', () => {
    const committed = readFileSync(join(__dirname, '../../schema.graphql'), 'utf8');
    expect(committed).toBe(printAppSchema(schema));
  });

  it('describes every type, field, argument and enum value (Sandbox shows them)', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : [])
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('names every enum value in capitals, as GraphQL convention does', () => {
    const lowercase = Object.values(schema.getTypeMap())
      .filter(isEnumType)
      .filter((type) => !type.name.startsWith('__'))
      .flatMap((type) => type.getValues().map((value) => `${type.name}.${value.name}`))
      .filter((name) => !/\.[A-Z][A-Z0-9_]*$/.test(name));
    expect(lowercase).toEqual([]);
  });
});
