// codegen plugin: the input types that carry an `idempotencyKey`, so the SDK knows which writes it may retry.
const { isInputObjectType } = require('graphql');

module.exports = {
  plugin(schema) {
    const names = Object.values(schema.getTypeMap())
      .filter((type) => isInputObjectType(type) && 'idempotencyKey' in type.getFields())
      .map((type) => type.name)
      .sort();
    return [
      '/** Input types with an `idempotencyKey` field: a mutation taking one is safe to retry with the same key. */',
      'export const IDEMPOTENT_INPUTS: ReadonlySet<string> = new Set([',
      ...names.map((name) => `  '${name}',`),
      ']);',
      '',
    ].join('\n');
  },
};
