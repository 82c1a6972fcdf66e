// Compares the content ids the C# builder computed (MEDIA_CIDS: {"name": "cid"} for the vectors of reference.js)
// with the npm UnixFS importer's, live, and checks the committed vectors.json against the importer too.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { lengths, content, referenceCid } from './reference.js'

const committed = JSON.parse(await readFile(new URL('vectors.json', import.meta.url), 'utf8')).vectors
const ours = process.env.MEDIA_CIDS ? JSON.parse(process.env.MEDIA_CIDS) : undefined

test('the importer gives the known ids of kubo', async () => {
  assert.equal(await referenceCid(new TextEncoder().encode('hello world')), 'bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e')
  assert.equal(await referenceCid(new Uint8Array(0)), 'bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku')
})

for (const [name, length] of Object.entries(lengths)) {
  test(`${name} (${length} bytes)`, async () => {
    const reference = await referenceCid(content(length))
    assert.equal(committed[name]?.cid, reference, 'vectors.json disagrees with the importer')
    assert.ok(ours, 'MEDIA_CIDS (the C# ids) is not set')
    assert.equal(ours[name], reference, 'the C# builder disagrees with the importer')
  })
}
