// The independent reference for the Media module's content ids: the npm UnixFS importer (js-ipfs's) configured as
// kubo's classic `ipfs add --cid-version=1`: 256 KiB fixed-size chunks, raw leaves, balanced DAG of at most 174 links
// per node, sha2-256, CIDv1 in base32. `node reference.js` prints vectors.json.
import { importBytes } from 'ipfs-unixfs-importer'
import { fixedSize } from 'ipfs-unixfs-importer/chunker'
import { balanced } from 'ipfs-unixfs-importer/layout'

const KiB = 1024
const MiB = 1024 * KiB

/** The vectors: name → length of the deterministic content (see content()). */
export const lengths = {
  empty: 0,
  oneByte: 1,
  oneChunk: 256 * KiB,
  oneChunkPlusOne: 256 * KiB + 1,
  oneMiB: MiB,
  fortyFiveMiB: 45 * MiB
}

/**
 * Deterministic bytes that the C# tests produce the same way: xorshift32 (13, 17, 5) from the seed 2463534242, one
 * step per byte, the byte being the low 8 bits of the state after the step.
 */
export function content (length) {
  const bytes = new Uint8Array(length)
  let state = 2463534242
  for (let i = 0; i < length; i++) {
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    bytes[i] = state & 0xff
  }
  return bytes
}

// Nothing is kept: only the ids are wanted.
const discard = { put: async (cid) => cid }

export async function referenceCid (bytes) {
  const entry = await importBytes(bytes, discard, {
    cidVersion: 1,
    rawLeaves: true,
    reduceSingleLeafToSelf: true,
    chunker: fixedSize({ chunkSize: 256 * KiB }),
    layout: balanced({ maxChildrenPerNode: 174 })
  })
  return entry.cid.toString()
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const vectors = {}
  for (const [name, length] of Object.entries(lengths)) {
    vectors[name] = { length, cid: await referenceCid(content(length)) }
  }
  const { version } = JSON.parse(await (await import('node:fs/promises')).readFile(new URL('node_modules/ipfs-unixfs-importer/package.json', import.meta.url), 'utf8'))
  console.log(JSON.stringify({
    producedBy: `tests/media-cid/reference.js with ipfs-unixfs-importer ${version}`,
    content: 'xorshift32 (13, 17, 5) from seed 2463534242, one step per byte, low 8 bits of the state',
    vectors
  }, null, 2))
}
