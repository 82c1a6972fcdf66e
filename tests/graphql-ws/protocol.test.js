// Drives a running /graphql WebSocket endpoint with the graphql-ws client (the normal flows) and raw ws frames (the
// malformed ones), covering graphql-transport-ws's messages and every close code. It starts nothing: point
// GRAPHQL_WS_URL at a server whose schema has the test fields below (the integration tests start one), with
// GRAPHQL_WS_TOKEN an access token it accepts, a connection-init wait of about a second or less and server pings on.
//
//   subscription { countdown(from: Int!): Int! }                     a finite stream
//   subscription { testEvents(topic: String!): TestEvent! }          the events published on a topic
//   mutation { publishTestEvent(input: { topic, text, sequence }) }  publishes one
//   query { whoAmI }                                                 the caller's user id, null when anonymous
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { CloseCode, createClient } from 'graphql-ws';
import WebSocket from 'ws';

const url = process.env.GRAPHQL_WS_URL;
const token = process.env.GRAPHQL_WS_TOKEN;
// A protocol check that silently skips would pass in a pipeline that forgot to point it anywhere.
assert.ok(url, 'Set GRAPHQL_WS_URL to the endpoint, e.g. ws://127.0.0.1:5080/graphql');
assert.ok(token, 'Set GRAPHQL_WS_TOKEN to an access token the endpoint accepts');

const SUBPROTOCOL = 'graphql-transport-ws';

/** A graphql-ws client that reports failures instead of retrying them. */
function clientWith(options = {}) {
  return createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, ...options });
}

/** Every result of one operation, once it completes; rejects with what the client reports on error. */
function resultsOf(client, payload) {
  return new Promise((resolve, reject) => {
    const results = [];
    client.subscribe(payload, {
      next: (result) => results.push(result),
      error: reject,
      complete: () => resolve(results),
    });
  });
}

/** A raw socket, open, with its messages queued (server pings skipped) and its close awaited. */
async function rawSocket(protocols = SUBPROTOCOL) {
  const socket = new WebSocket(url, protocols);
  const queue = [];
  const waiting = [];
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (message.type === 'ping') return;
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  const closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    socket,
    closed,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: () => (queue.length > 0 ? Promise.resolve(queue.shift()) : new Promise((resolve) => waiting.push(resolve))),
    async init(payload) {
      this.send(payload === undefined ? { type: 'connection_init' } : { type: 'connection_init', payload });
      assert.deepEqual(await this.next(), { type: 'connection_ack' });
    },
  };
}

describe('graphql-transport-ws flows, through the graphql-ws client', () => {
  test('subscribe, next for each event, then the server completes a finite stream', async () => {
    const client = clientWith();
    try {
      const results = await resultsOf(client, { query: 'subscription { countdown(from: 3) }' });
      assert.deepEqual(results.map((r) => r.data.countdown), [3, 2, 1]);
    } finally {
      await client.dispose();
    }
  });

  test('a topic subscription gets published events in order until the client completes it', async () => {
    const client = clientWith({ connectionParams: { accessToken: token } });
    const topic = `node:${randomUUID()}`;
    const received = [];
    const listeners = new Set();
    const until = (condition) => new Promise((resolve) => {
      const check = () => condition() && (listeners.delete(check), resolve());
      listeners.add(check);
      check();
    });
    const unsubscribe = client.subscribe(
      { query: 'subscription($topic: String!) { testEvents(topic: $topic) { text sequence } }', variables: { topic } },
      {
        next: (result) => { received.push(result.data.testEvents); listeners.forEach((check) => check()); },
        error: (error) => assert.fail(`the subscription failed: ${JSON.stringify(error)}`),
        complete: () => {},
      },
    );
    let sequence = 0;
    const publish = () => {
      sequence += 1;
      return resultsOf(client, {
        query: 'mutation($input: PublishTestEventInput!) { publishTestEvent(input: $input) }',
        variables: { input: { topic, text: `event ${sequence}`, sequence } },
      });
    };
    try {
      // The protocol has no "subscribed" message: publish until an event shows the subscription is live.
      while (received.length === 0) {
        await publish();
        await Promise.race([until(() => received.length > 0), new Promise((resolve) => setTimeout(resolve, 200))]);
      }
      const live = sequence;
      await publish();
      await publish();
      await until(() => received.some((event) => event.sequence === sequence));

      const sequences = received.map((event) => event.sequence);
      assert.deepEqual(sequences.filter((s) => s > live), [live + 1, live + 2]);
      assert.deepEqual(sequences, [...sequences].sort((a, b) => a - b), 'in publishing order, each once');
      assert.equal(new Set(sequences).size, sequences.length);
      assert.equal(received.at(-1).text, `event ${sequence}`);
    } finally {
      unsubscribe();
      await client.dispose();
    }
  });

  test('queries and mutations run over the socket: one next, then complete, as the connection_init user', async () => {
    const anonymous = clientWith();
    const signedIn = clientWith({ connectionParams: { accessToken: token } });
    const bearer = clientWith({ connectionParams: { Authorization: `Bearer ${token}` } });
    try {
      const [asAnonymous] = await resultsOf(anonymous, { query: '{ whoAmI }' });
      const [asUser] = await resultsOf(signedIn, { query: '{ whoAmI }' });
      const [asBearer] = await resultsOf(bearer, { query: '{ whoAmI }' });
      assert.equal(asAnonymous.data.whoAmI, null);
      assert.ok(asUser.data.whoAmI, 'the token names a user');
      assert.equal(asBearer.data.whoAmI, asUser.data.whoAmI);
    } finally {
      await Promise.all([anonymous.dispose(), signedIn.dispose(), bearer.dispose()]);
    }
  });

  test('an operation that fails validation gets an error message with a documented code', async () => {
    const client = clientWith();
    try {
      await assert.rejects(resultsOf(client, { query: 'subscription { nope }' }), (errors) => {
        assert.ok(Array.isArray(errors), `expected GraphQL errors, got ${errors}`);
        assert.equal(errors[0].extensions.code, 'BAD_USER_INPUT');
        return true;
      });
    } finally {
      await client.dispose();
    }
  });

  test('ping and pong go both ways', async () => {
    let serverPinged;
    let clientPonged;
    const pingedByServer = new Promise((resolve) => { serverPinged = resolve; });
    const pongFromServer = new Promise((resolve) => { clientPonged = resolve; });
    const client = clientWith({
      lazy: false,
      keepAlive: 100,
      on: {
        ping: (received) => received && serverPinged(),
        pong: (received) => received && clientPonged(),
      },
    });
    try {
      await Promise.all([pingedByServer, pongFromServer]);
    } finally {
      await client.dispose();
    }

    const raw = await rawSocket();
    raw.send({ type: 'ping', payload: { sentAt: 1234 } });
    assert.deepEqual(await raw.next(), { type: 'pong', payload: { sentAt: 1234 } });
    raw.socket.close(1000);
    assert.equal((await raw.closed).code, 1000);
  });
});

describe('close codes', () => {
  for (const [name, frame] of [
    ['unparseable JSON', '{"type":"connection_init"'],
    ['an unknown message type', { type: 'start', id: '1', payload: { query: '{ whoAmI }' } }],
    ['a subscribe without an id', { type: 'subscribe', payload: { query: '{ whoAmI }' } }],
    ['a subscribe without a payload', { type: 'subscribe', id: '1' }],
  ]) {
    test(`4400 for ${name}`, async () => {
      const raw = await rawSocket();
      await raw.init();
      raw.send(frame);
      const { code, reason } = await raw.closed;
      assert.equal(code, CloseCode.BadRequest);
      assert.match(reason, /^Invalid message: /);
    });
  }

  test('4401 for a subscribe before connection_ack', async () => {
    const raw = await rawSocket();
    raw.send({ type: 'subscribe', id: '1', payload: { query: '{ whoAmI }' } });
    assert.deepEqual(await raw.closed, { code: CloseCode.Unauthorized, reason: 'Unauthorized' });
  });

  test('4403 for an access token the server refuses', async () => {
    const raw = await rawSocket();
    raw.send({ type: 'connection_init', payload: { accessToken: 'not-a-valid-token' } });
    assert.deepEqual(await raw.closed, { code: CloseCode.Forbidden, reason: 'Forbidden' });

    const client = clientWith({ connectionParams: { accessToken: 'not-a-valid-token' } });
    try {
      await assert.rejects(resultsOf(client, { query: '{ whoAmI }' }), (closeEvent) => closeEvent.code === CloseCode.Forbidden);
    } finally {
      await client.dispose();
    }
  });

  test('4406 for a socket that does not speak graphql-transport-ws', async () => {
    const legacy = await rawSocket('graphql-ws');
    assert.deepEqual(await legacy.closed, { code: CloseCode.SubprotocolNotAcceptable, reason: 'Subprotocol not acceptable' });
    const none = await rawSocket([]);
    assert.equal((await none.closed).code, CloseCode.SubprotocolNotAcceptable);
  });

  test('4408 when connection_init does not arrive in time', async () => {
    const raw = await rawSocket();
    assert.deepEqual(await raw.closed, { code: CloseCode.ConnectionInitialisationTimeout, reason: 'Connection initialisation timeout' });
  });

  test('4409 for a subscribe that reuses the id of an active operation', async () => {
    const raw = await rawSocket();
    await raw.init({ accessToken: token });
    const subscribe = { type: 'subscribe', id: 'same', payload: { query: `subscription { testEvents(topic: "node:${randomUUID()}") { text } }` } };
    raw.send(subscribe);
    raw.send(subscribe);
    assert.deepEqual(await raw.closed, { code: CloseCode.SubscriberAlreadyExists, reason: 'Subscriber for same already exists' });
  });

  test('4429 for a second connection_init', async () => {
    const raw = await rawSocket();
    await raw.init();
    raw.send({ type: 'connection_init' });
    assert.deepEqual(await raw.closed, { code: CloseCode.TooManyInitialisationRequests, reason: 'Too many initialisation requests' });
  });
});
