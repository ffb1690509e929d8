import * as assert from 'assert';
import { createHash, webcrypto } from 'crypto';
import fc from 'fast-check';
import { sha256Hex } from '../../src/core/text/hash';
import { sha256Hex as webSha256Hex } from '../../src/core/text/hash.web';
import { randomHex } from '../../src/core/text/random';

const node = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('hashing: the browser build hashes as Node does (sidecar headers must agree)', () => {
  it('gives the FIPS 180-4 digests (empty, "abc", the two-block message, a million a)', () => {
    assert.strictEqual(webSha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.strictEqual(webSha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.strictEqual(webSha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    assert.strictEqual(webSha256Hex('a'.repeat(1_000_000)), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('equals Node crypto on every length around the padding boundaries (0..200 characters)', () => {
    for (let n = 0; n <= 200; n++) assert.strictEqual(webSha256Hex('x'.repeat(n)), node('x'.repeat(n)), `length ${n}`);
  });

  it('equals Node crypto on random strings, astral characters and CRLF included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
      assert.strictEqual(webSha256Hex(s), node(s));
      assert.strictEqual(sha256Hex(s), node(s));
    }), { numRuns: 200 });
  });

  it('equals Web Crypto (crypto.subtle.digest), the browser\'s own SHA-256', async () => {
    for (const s of ['', 'Moscow 🇷🇺 said 😀 today', 'line one\r\nline two\r\n', '𝐀'.repeat(5000)]) {
      const digest = new Uint8Array(await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));
      assert.strictEqual(webSha256Hex(s), [...digest].map((b) => b.toString(16).padStart(2, '0')).join(''));
    }
  });

  it('gives random hex of the asked length, different each time', () => {
    const a = randomHex(4);
    assert.match(a, /^[0-9a-f]{8}$/);
    const seen = new Set(Array.from({ length: 50 }, () => randomHex(8)));
    assert.strictEqual(seen.size, 50);
  });
});
