import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { buildAppSchema } from '../../src/graphql/schema';

const operationsDir = join(__dirname, '../../sdk/operations');

describe('the SDK', () => {
  it('ships an operation for every query and mutation of the API', () => {
    const used = new Set<string>();
    for (const file of readdirSync(operationsDir).filter((f) => f.endsWith('.graphql'))) {
      for (const definition of parse(readFileSync(join(operationsDir, file), 'utf8')).definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        for (const selection of (definition as OperationDefinitionNode).selectionSet.selections) {
          if (selection.kind === Kind.FIELD) used.add(`${definition.operation}.${selection.name.value}`);
        }
      }
    }
    const schema = buildAppSchema();
    const roots = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `mutation.${f}`),
    ];
    expect(roots.filter((root) => !used.has(root))).toEqual([]);
  });
});
