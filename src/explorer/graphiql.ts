import { dirname, join } from 'node:path';
import { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { Router } from 'express';

/** A package's folder: their `exports` hide the prebuilt browser files from require.resolve. */
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** Every file the page loads, by the name it is served under; nothing else of node_modules is reachable. */
const ASSETS: Record<string, string> = {
  'react.js': join(packageDir('react'), 'umd/react.production.min.js'),
  'react-dom.js': join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
  'graphiql.js': join(packageDir('graphiql'), 'graphiql.min.js'),
  'graphiql.css': join(packageDir('graphiql'), 'graphiql.min.css'),
  'start.js': join(__dirname, 'public/graphiql-start.js'),
};

/** The browser refuses anything from elsewhere; GraphiQL sets inline styles, and its fonts and icons are data: URLs. */
const CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** GET /graphiql: GraphiQL from the npm packages' built files, so the explorer works with no internet. */
export function graphiqlRoutes(): Router {
  const router = Router();
  router.get('/graphiql', (_req, res) => {
    res.set('Content-Security-Policy', CSP).sendFile(join(__dirname, 'public/graphiql.html'));
  });
  router.get('/graphiql/assets/:name', (req, res) => {
    const file = Object.hasOwn(ASSETS, req.params.name) ? ASSETS[req.params.name] : null;
    if (file) res.sendFile(file);
    else res.sendStatus(404);
  });
  return router;
}

/** Offline, Apollo's landing page shows only a heading and a line saying it "cannot be loaded": this one follows it. */
const OFFLINE_LINK = '<p>Offline, <a href="/graphiql">GraphiQL</a> works: this server serves all of it.</p>';

/** Apollo's default landing page (Sandbox, or its production page) with the GraphiQL link in its offline fallback. */
export function landingPageLinkingGraphiql(): ApolloServerPlugin {
  // the rule Apollo picks its default landing page by
  const apolloPage =
    process.env.NODE_ENV === 'production' ? ApolloServerPluginLandingPageProductionDefault() : ApolloServerPluginLandingPageLocalDefault();
  return {
    async serverWillStart(service) {
      const listener = await apolloPage.serverWillStart!(service);
      return {
        async renderLandingPage() {
          const { html } = await listener!.renderLandingPage!();
          // Apollo renders each page anew, with a fresh CSP nonce: so does this
          return { html: async () => (typeof html === 'string' ? html : await html()).replace('</p>', `</p>\n${OFFLINE_LINK}`) };
        },
      };
    },
  };
}
