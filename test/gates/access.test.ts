import 'reflect-metadata';
import { buildSchemaSync, Query, Resolver } from 'type-graphql';
import { Access, readers } from '../../src/graphql/access';
import { assertAccessDeclared } from '../../src/graphql/permissions';
import { buildAppSchema } from '../../src/graphql/schema';

@Resolver()
class DeclaredResolver {
  @Access(readers())
  @Query(() => String, { description: 'Declares its access.' })
  declared(): string {
    return 'yes';
  }
}

@Resolver()
class ForgetfulResolver {
  @Query(() => String, { description: 'Declares no access.' })
  forgotten(): string {
    return 'oops';
  }
}

describe('access declared with each operation', () => {
  it('builds the API: every query and mutation declares who may call it', () => {
    expect(() => buildAppSchema()).not.toThrow();
  });

  it('refuses to build a schema with an operation that declares no access, naming it', () => {
    const schema = buildSchemaSync({ resolvers: [DeclaredResolver, ForgetfulResolver] });
    expect(() => assertAccessDeclared(schema)).toThrow('These operations declare no access (add @Access(…) beside them): Query.forgotten');
  });
});
