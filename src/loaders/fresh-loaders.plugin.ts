import { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import { createLoaders } from './index';

/**
 * After each root mutation field, the request gets new loaders: the write's result and the fields
 * after it are read fresh instead of from what an earlier field cached. Queries are not touched.
 */
export const freshLoadersAfterWrites: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async executionDidStart({ operation }) {
        if (operation.operation !== 'mutation') return;
        return {
          willResolveField({ info, contextValue }) {
            if (info.parentType.name !== 'Mutation') return;
            return () => {
              contextValue.loaders = createLoaders(contextValue.db);
            };
          },
        };
      },
    };
  },
};
