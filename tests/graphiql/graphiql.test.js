// Loads GraphiQL from a running Host in headless Chromium (Debian's, at /usr/bin/chromium) and runs a
// query through the page. It starts no server: point GRAPHIQL_URL at the IDE, e.g. http://127.0.0.1:5080/graphql/ui/.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromium } from 'playwright-core';

test('GraphiQL loads from local assets only and runs a query', async () => {
  const url = process.env.GRAPHIQL_URL;
  assert.ok(url, 'Set GRAPHIQL_URL to the IDE, e.g. http://127.0.0.1:5080/graphql/ui/');
  const origin = new URL(url).origin;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Root in CI needs --no-sandbox; the rest keep Chromium from reaching for the network on its own.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    const foreign = [];
    const failures = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) foreign.push(request.url());
    });
    page.on('pageerror', (error) => failures.push(error.message));

    await page.goto(`${url}?query=${encodeURIComponent('{ serverTime }')}`, { waitUntil: 'load' });
    await page.locator('.graphiql-execute-button').click({ timeout: 30_000 });
    const result = page.locator('.result-window');
    await result.getByText('serverTime').waitFor({ timeout: 30_000 });
    const text = await result.innerText();

    assert.match(text, /"serverTime": "\d{4}-\d{2}-\d{2}T/);
    assert.deepEqual(foreign, [], 'the page must not load anything from another origin');
    assert.deepEqual(failures, [], 'the page must run without script errors');
    console.log('graphiql: query ran in the browser');
  } finally {
    await browser.close();
  }
});
