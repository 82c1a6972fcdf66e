// A client of the Host: Sign-In with Ethereum with a wallet (viem), then a query over HTTP and the same query over
// graphql-ws, the transport subscriptions use. Run against `./nft up` (Development):
//
//   cd examples/client && npm ci && node sign-in.mjs
//
// Settings (environment): GRAPHQL_URL (default http://127.0.0.1:5080/graphql; `graphql` in .stack/endpoints.json),
// PRIVATE_KEY (default: a new key each run; the first sign-in of an address creates its user).
import { createClient } from 'graphql-ws';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import WebSocket from 'ws';

const url = new URL(process.env.GRAPHQL_URL ?? 'http://127.0.0.1:5080/graphql');
const account = privateKeyToAccount(process.env.PRIVATE_KEY ?? generatePrivateKey());
const chainId = 31337; // the local Anvil chain, registered by the Host in Development
const accountId = `eip155:${chainId}:${account.address}`;
// In Development the Host accepts its own address (e.g. 127.0.0.1:5080 or localhost:5080) and localhost:3000; the
// message's URI must be on that domain. Elsewhere only Auth:Siwe:AllowedDomains.
const domain = url.host;

async function graphql(query, variables, accessToken) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) {
    const [error] = body.errors;
    throw new Error(`${error.extensions?.code}: ${error.message}`);
  }
  return body.data;
}

// 1. A nonce for this account and domain.
const { signInSiwe } = await graphql(
  'mutation($input: SignInSiweInput!) { signInSiwe(input: $input) { nonce } }',
  { input: { accountId, chainId: `eip155:${chainId}`, domain } },
);

// 2. The wallet signs an EIP-4361 message carrying it (personal_sign).
const message = createSiweMessage({
  domain,
  address: account.address,
  statement: 'Sign in to the NFT marketplace.',
  uri: url.origin,
  version: '1',
  chainId,
  nonce: signInSiwe.nonce,
});
const signature = await account.signMessage({ message });

// 3. The signed message buys a session: a 15-minute access token and a refresh token.
const { verifySiwe } = await graphql(
  'mutation($input: VerifySiweInput!) { verifySiwe(input: $input) { accessToken refreshToken expiresAt userId } }',
  { input: { accountId, message, signature } },
);
const { accessToken } = verifySiwe;

// 4. A query as the signed-in user.
const me = '{ me { id wallets { address isPrimary } } }';
const overHttp = await graphql(me, {}, accessToken);
console.log('HTTP:', JSON.stringify(overHttp));

// 5. The same over graphql-ws: the token goes in connection_init; subscriptions are sent the same way.
const socketUrl = new URL(url);
socketUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
const client = createClient({ url: socketUrl.href, webSocketImpl: WebSocket, connectionParams: { accessToken } });
try {
  const overWebSocket = await new Promise((resolve, reject) => {
    let result;
    client.subscribe({ query: me }, {
      next: value => { result = value; },
      error: reject,
      complete: () => resolve(result),
    });
  });
  if (overWebSocket.errors) {
    throw new Error(`${overWebSocket.errors[0].extensions?.code}: ${overWebSocket.errors[0].message}`);
  }
  console.log('WebSocket:', JSON.stringify(overWebSocket.data));
} finally {
  await client.dispose();
}
