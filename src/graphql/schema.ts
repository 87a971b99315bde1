import { GraphQLResolveInfo, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { IMiddlewareFunction } from 'graphql-middleware';
import { validateOrReject, ValidationError } from 'class-validator';
import { ArgumentValidationError, buildSchemaSync, getMetadataStorage } from 'type-graphql';
import { MAX_PAGE_SIZE, PageArgs } from '../pagination/connection';
import { assertAccessDeclared } from './permissions';
import type { Context } from './context';
import { createLoaders } from '../loaders';
import { ChangeResolver, historyResolvers } from '../../resolvers/admin/change.resolver';
import { adminResolvers } from '../../resolvers/admin/admin.resolver';
import { integrationResolvers } from '../../resolvers/integrations/integration.resolver';
import { authResolvers } from '../../resolvers/security/auth.resolver';
import { clientResolvers } from '../../resolvers/tracking/client.resolver';
import { failureResolvers } from '../../resolvers/failure-learning/failure.resolver';
import { securityResolvers } from '../../resolvers/security/security.resolver';
import { infrastructureResolvers } from '../../resolvers/infrastructure/infrastructure.resolver';
import { networkResolvers } from '../../resolvers/infrastructure/network.resolver';
import { siteResolvers } from '../../resolvers/infrastructure/site.resolver';
import { workDetailResolvers } from '../../resolvers/work-details/work-detail.resolver';
import { machineResolvers } from '../../resolvers/machines/machine.resolver';
import { pendingTaskResolvers } from '../../resolvers/tracking/pending-task.resolver';
import { projectResolvers } from '../../resolvers/tracking/project.resolver';
import { sessionResolvers } from '../../resolvers/tracking/session.resolver';
import { workItemResolvers } from '../../resolvers/tracking/work-item.resolver';
import { noteResolvers } from '../../resolvers/tracking/note.resolver';
import { SearchResolver } from '../../resolvers/knowledge/search.resolver';
import { ReportResolver } from '../../resolvers/reporting/report.resolver';
import { billingResolvers } from '../../resolvers/billing/billing.resolver';
import { EnvironmentResolver } from '../../resolvers/machines/environment.resolver';
import { ContextRecoveryResolver } from '../../resolvers/knowledge/context-recovery.resolver';
import { failureAnalysisResolvers } from '../../resolvers/failure-learning/failure-analysis.resolver';
import { SimilarProblemsResolver } from '../../resolvers/knowledge/similar-problems.resolver';
import { DateTimeScalar } from '../../resolvers/kit/date-time.scalar';
import { webhookResolvers } from '../../resolvers/webhooks/webhook.resolver';

/**
 * Plain property fields resolve with graphql's default resolver: type-graphql's own wrapper (for middlewares
 * this schema has none of) cost an object and a call on every field of every row.
 */
function simplePropertyFields(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && !field.middlewares?.length && field.name === field.schemaName) field.simple = true;
  }
}

const isPageArgs = (value: unknown): value is PageArgs => value instanceof PageArgs && Object.getPrototypeOf(value) === PageArgs.prototype;

/**
 * Arguments are validated with class-validator as before; a plain page (`first`, `after`), on every nested
 * connection of a large query, is checked here without it when it is valid (an invalid one goes to
 * class-validator, so its message stays the same).
 */
async function validateArgument(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  if (isPageArgs(value) && Number.isInteger(value.first) && value.first >= 1 && value.first <= MAX_PAGE_SIZE) return;
  const options = { skipMissingProperties: true, forbidUnknownValues: false };
  try {
    if (Array.isArray(value))
      await Promise.all(value.filter((item) => item !== null && typeof item === 'object').map((item) => validateOrReject(item, options)));
    else await validateOrReject(value, options);
  } catch (errors) {
    throw new ArgumentValidationError(errors as ValidationError[]);
  }
}

/** The executable schema, built from the resolver classes; input objects are validated with class-validator. */
export function buildAppSchema(): GraphQLSchema {
  simplePropertyFields();
  const schema = buildSchemaSync({
    resolvers: [
      ...authResolvers,
      ...clientResolvers,
      ...projectResolvers,
      ...machineResolvers,
      ...sessionResolvers,
      ...workItemResolvers,
      ...pendingTaskResolvers,
      ChangeResolver,
      ...historyResolvers(),
      ...siteResolvers,
      ...infrastructureResolvers,
      ...networkResolvers,
      ...workDetailResolvers,
      ...securityResolvers,
      ...failureResolvers,
      ...adminResolvers,
      ...integrationResolvers,
      ...noteResolvers,
      SearchResolver,
      ReportResolver,
      ...billingResolvers,
      EnvironmentResolver,
      ContextRecoveryResolver,
      ...failureAnalysisResolvers,
      SimilarProblemsResolver,
      ...webhookResolvers,
    ],
    validateFn: validateArgument,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  assertAccessDeclared(schema);
  // type-graphql has no option for the root types' descriptions.
  schema.getQueryType()!.description = 'Reads: lookups by id, and lists as Relay connections (first ≤ 100, after a cursor).';
  schema.getMutationType()!.description = 'Writes: each takes one `input` and returns the object written.';
  return schema;
}

/** The schema as committed in schema.graphql: sorted, so the file only changes when the API does. */
export const printAppSchema = (schema: GraphQLSchema = buildAppSchema()): string =>
  `# Generated from the code by \`npm run schema\`; do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;

/** An explicit `null` for an optional root argument means "not given", as its default says. */
const withoutNullArgs: IMiddlewareFunction = (resolve, root, args: Record<string, unknown>, ctx, info: GraphQLResolveInfo) =>
  resolve(root, Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null)), ctx, info);

/**
 * After each root mutation field, the request gets new loaders: the write's result and the fields after it
 * are read fresh instead of from what an earlier field cached. (A middleware on the root field rather than an
 * Apollo willResolveField hook: one such hook makes Apollo wrap every field of the schema for good.)
 */
const freshLoadersAfterWrite: IMiddlewareFunction = async (resolve, root, args, ctx: Context, info: GraphQLResolveInfo) => {
  try {
    return await withoutNullArgs(resolve, root, args, ctx, info);
  } finally {
    ctx.loaders = createLoaders(ctx.db);
  }
};

/** Middleware for every query and mutation field (graphql-middleware), applied with the permissions. */
export const rootArgsMiddleware = { Query: withoutNullArgs, Mutation: freshLoadersAfterWrite };
