/** Jest runs TypeScript through swc with legacy decorators and their metadata (type-graphql and TypeORM need both). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: 'node',
  // jose ships ES modules only: it is compiled to CommonJS like our own code.
  transform: { '^.+\\.(ts|js)$': ['@swc/jest', swc] },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['reflect-metadata'],
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  maxWorkers: 2,
  // generous: on a loaded 2-core machine a long end-to-end test may take minutes; none asserts on time
  testTimeout: 300_000,
};
