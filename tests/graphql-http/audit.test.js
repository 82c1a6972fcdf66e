// Audits a running /graphql endpoint against the GraphQL-over-HTTP spec with graphql-http's auditServer.
// It starts nothing: point GRAPHQL_URL at a Host (the audit's probes use __type, so the Host must allow
// introspection: run it in Development or with GraphQL__EnableIntrospection=true).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditServer } from 'graphql-http';

test('every GraphQL-over-HTTP audit (MUST, SHOULD and MAY) is ok', async () => {
  const url = process.env.GRAPHQL_URL;
  // A conformance check that silently skips would pass in a pipeline that forgot to point it anywhere.
  assert.ok(url, 'Set GRAPHQL_URL to the endpoint to audit, e.g. http://127.0.0.1:5080/graphql');

  const results = await auditServer({ url });
  const failed = results.filter((result) => result.status !== 'ok');
  const ok = results.length - failed.length;
  console.log(`${ok}/${results.length} audits ok`);

  const report = await Promise.all(failed.map(async (result) => {
    let body = '';
    if (result.response) {
      try {
        body = ` -> ${result.response.status} ${await result.response.text()}`;
      } catch {
        // A body already read by the audit itself cannot be read again; the reason says enough.
      }
    }
    return `${result.id} [${result.status}] ${result.name}: ${result.reason}${body}`;
  }));
  assert.equal(failed.length, 0, `${failed.length} audit(s) not ok:\n${report.join('\n')}`);
});
