/** `npm run schema`: writes schema.graphql from the resolver classes. */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printAppSchema } from '../src/graphql/schema';

writeFileSync(join(__dirname, '..', 'schema.graphql'), printAppSchema());
console.log('Wrote schema.graphql');
