import { GraphQLResolveInfo, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { IMiddlewareFunction } from 'graphql-middleware';
import { buildSchemaSync } from 'type-graphql';
import { assertAccessDeclared } from './auth/permissions';
import { ChangeResolver, historyResolvers } from '../resolvers/change.resolver';
import { adminResolvers } from '../resolvers/admin.resolver';
import { integrationResolvers } from '../resolvers/integrations/integration.resolver';
import { authResolvers } from '../resolvers/auth.resolver';
import { clientResolvers } from '../resolvers/client.resolver';
import { failureResolvers } from '../resolvers/failure.resolver';
import { securityResolvers } from '../resolvers/security.resolver';
import { infrastructureResolvers } from '../resolvers/infrastructure.resolver';
import { networkResolvers } from '../resolvers/network.resolver';
import { siteResolvers } from '../resolvers/site.resolver';
import { workDetailResolvers } from '../resolvers/work-detail.resolver';
import { machineResolvers } from '../resolvers/machine.resolver';
import { pendingTaskResolvers } from '../resolvers/pending-task.resolver';
import { projectResolvers } from '../resolvers/project.resolver';
import { sessionResolvers } from '../resolvers/session.resolver';
import { workItemResolvers } from '../resolvers/work-item.resolver';
import { noteResolvers } from '../resolvers/note.resolver';
import { SearchResolver } from '../resolvers/search.resolver';
import { ReportResolver } from '../resolvers/report.resolver';
import { billingResolvers } from '../resolvers/billing.resolver';
import { EnvironmentResolver } from '../resolvers/environment.resolver';
import { ContextRecoveryResolver } from '../resolvers/context-recovery.resolver';
import { failureAnalysisResolvers } from '../resolvers/failure-analysis.resolver';
import { SimilarProblemsResolver } from '../resolvers/similar-problems.resolver';
import { DateTimeScalar } from '../resolvers/date-time.scalar';
import { webhookResolvers } from '../resolvers/webhooks/webhook.resolver';

/** The executable schema, built from the resolver classes; input objects are validated with class-validator. */
export function buildAppSchema(): GraphQLSchema {
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
    validate: { forbidUnknownValues: false },
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

/** Middleware for every query and mutation field (graphql-middleware), applied with the permissions. */
export const rootArgsMiddleware = { Query: withoutNullArgs, Mutation: withoutNullArgs };
