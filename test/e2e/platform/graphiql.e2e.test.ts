import type { Browser, Page } from 'puppeteer-core';
import { findChromium, launchOffline } from '../../helpers/chromium';
import { startTestApp, TestApp } from '../../helpers/test-app';

/** The src and href values of a page: what a browser would load. */
const references = (html: string) => [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]);

let app: TestApp;
let origin: string;
beforeAll(async () => {
  app = await startTestApp('graphiql');
  origin = new URL(app.url).origin;
});
afterAll(() => app.stop());

describe('GraphiQL at /graphiql, served from this server', () => {
  it('references only files on this server, each of which answers, and tells the browser to load nothing from elsewhere', async () => {
    const response = await fetch(`${origin}/graphiql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self';/);
    const html = await response.text();
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    const local = references(html).filter((url) => url !== 'data:,');
    expect(local).toEqual(
      expect.arrayContaining(['/graphiql/assets/graphiql.css', '/graphiql/assets/graphiql.js', '/graphiql/assets/start.js']),
    );
    for (const url of local) {
      expect(url).toMatch(/^\/graphiql\/assets\//);
      expect({ url, status: (await fetch(origin + url)).status }).toEqual({ url, status: 200 });
    }
  });

  it('serves no other file under /graphiql/assets', async () => {
    for (const name of ['package.json', '..%2Fpackage.json', 'constructor', '__proto__']) {
      expect({ name, status: (await fetch(`${origin}/graphiql/assets/${name}`)).status }).toEqual({ name, status: 404 });
    }
  });

  it('is linked from the landing page at GET /graphql in a browser, which still embeds Apollo Sandbox', async () => {
    const response = await fetch(app.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<a href="/graphiql">GraphiQL</a>');
    expect(html).toContain('EmbeddedSandbox');
  });

  it('leaves /health as it was', async () => {
    expect(await (await fetch(`${origin}/health`)).json()).toEqual({ status: 'ok', database: 'up' });
  });
});

const chromium = findChromium();
if (!chromium) console.warn('GraphiQL browser test skipped: no chromium on PATH (Debian: apt-get install chromium).');

(chromium ? describe : describe.skip)('GraphiQL in headless Chromium that reaches only this machine', () => {
  let browser: Browser;
  let page: Page;
  const requested: string[] = [];
  const problems: string[] = [];
  beforeAll(async () => {
    browser = await launchOffline(chromium!);
    page = await browser.newPage();
    page.on('request', (request) => void requested.push(request.url()));
    page.on('pageerror', (error) => void problems.push(String(error)));
    // a refused script or style (the page's CSP, a missing file) is a console error
    page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())));
    await page.goto(`${origin}/graphiql`, { waitUntil: 'networkidle0' });
  });
  afterAll(() => browser?.close());

  it('renders the editor, requesting nothing but this server, with no error', async () => {
    await page.waitForSelector('.graphiql-container .graphiql-query-editor .CodeMirror');
    const network = requested.filter((url) => !url.startsWith('data:'));
    expect(network.filter((url) => new URL(url).origin !== origin)).toEqual([]);
    expect(network).toContain(`${origin}/graphql`); // the schema, by introspection
    expect(problems).toEqual([]);
  });

  it('sends the token typed into the Headers tab and shows the answer', async () => {
    const sent = new Promise<Record<string, string>>((resolve) => {
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.postData()?.includes('totalCount')) resolve(request.headers());
      });
    });
    await page.$eval('.graphiql-query-editor .CodeMirror', (editor) =>
      (editor as unknown as { CodeMirror: { setValue(text: string): void } }).CodeMirror.setValue('{ clients { totalCount } }'),
    );
    await page.click('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror');
    await page.keyboard.type(`{"Authorization": "Bearer ${app.token}"}`);
    await page.click('.graphiql-execute-button');

    expect((await sent).authorization).toBe(`Bearer ${app.token}`);
    await page.waitForSelector('.result-window ::-p-text("totalCount")');
    expect(await page.$eval('.result-window', (result) => result.textContent)).not.toContain('UNAUTHENTICATED');
    expect(problems).toEqual([]);
  });
});
