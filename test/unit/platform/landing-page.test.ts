import { GraphQLServerContext } from '@apollo/server';
import { landingPageLinkingGraphiql } from '../../../src/explorer/graphiql';

/** The landing page's HTML as Apollo would render it for one browser request. */
async function render(nodeEnv: string): Promise<{ html: () => Promise<string> }> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    const listener = await landingPageLinkingGraphiql().serverWillStart!({} as GraphQLServerContext);
    return (await listener!.renderLandingPage!()) as { html: () => Promise<string> };
  } finally {
    process.env.NODE_ENV = saved;
  }
}

const nonce = (html: string) => /nonce="([0-9a-f]+)"/.exec(html)?.[1];

describe('the landing page at GET /graphql', () => {
  it.each([
    ['development', 'Apollo Sandbox cannot be loaded'],
    ['production', 'The full landing page cannot be loaded'],
  ])('under NODE_ENV=%s links GraphiQL right after Apollo\'s "%s"', async (nodeEnv, fallback) => {
    const html = await (await render(nodeEnv)).html();
    expect(html).toMatch(new RegExp(`${fallback}[^<]*</p>\\s*<p>Offline, <a href="/graphiql">GraphiQL</a>`));
  });

  it("keeps Apollo's fresh CSP nonce for every page", async () => {
    const page = await render('development');
    expect(nonce(await page.html())).not.toBe(nonce(await page.html()));
  });
});
