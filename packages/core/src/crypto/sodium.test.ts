import { beforeAll, describe, expect, it } from 'vitest';
import type { CryptoPrimitives } from '../ports.ts';
import { utf8 } from '../text.ts';
import { fromHex, loadSodiumPrimitives, toHex } from './test-support.ts';

let p: CryptoPrimitives;
beforeAll(async () => {
  p = await loadSodiumPrimitives();
});

describe('sodiumPrimitives: known answers', () => {
  // draft-irtf-cfrg-xchacha-03, appendix A.3.1 (AEAD_XChaCha20_Poly1305 example and test vector).
  const key = fromHex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
  const nonce = fromHex('404142434445464748494a4b4c4d4e4f5051525354555657');
  const aad = fromHex('50515253c0c1c2c3c4c5c6c7');
  const plaintext = utf8("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.");
  const ciphertext =
    'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b7' +
    '2e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e';
  const tag = 'c0875924c1c7987947deafd8780acf49';

  it('encrypts the XChaCha20-Poly1305 IETF draft vector (A.3.1)', () => {
    expect(toHex(p.aeadEncrypt(plaintext, aad, nonce, key))).toBe(ciphertext + tag);
  });

  it('decrypts it back, and refuses it under other associated data', () => {
    expect(p.aeadDecrypt(fromHex(ciphertext + tag), aad, nonce, key)).toEqual(plaintext);
    expect(() => p.aeadDecrypt(fromHex(ciphertext + tag), aad.subarray(1), nonce, key)).toThrow();
  });

  // libsodium's own test suite: test/default/pwhash_argon2id.c, function tv(), entries 0 and 6, with
  // their outputs from test/default/pwhash_argon2id.exp (lines 1 and 6). Argon2id v1.3, one lane;
  // crypto_pwhash reads only the first 16 bytes of the listed salts (crypto_pwhash_SALTBYTES).
  it.each([
    {
      name: 'tv[0]',
      password:
        'a347ae92bce9f80f6f595a4480fc9c2fe7e7d7148d371e9487d75f5c23008ffae065577a928febd9b1973a5a95073acdbeb6a030cfc0d79caa2dc5' +
        'cd011cef02c08da232d76d52dfbca38ca8dcbd665b17d1665f7cf5fe59772ec909733b24de97d6f58d220b20c60d7c07ec1fd93c52c31020300c6c1facd77937a597c7a6',
      salt: '5541fbc995d5c197ba290346d2c559de',
      opsLimit: 5,
      memLimit: 7256678,
      expected:
        '18acec5d6507739f203d1f5d9f1d862f7c2cdac4f19d2bdff64487e60d969e3ced615337b9eec6ac4461c6ca07f0939741e57c24d0005c7ea171a0ee1e7348' +
        '249d135b38f222e4dad7b9a033ed83f5ca27277393e316582033c74affe2566a2bea47f91f0fd9fe49ece7e1f79f3ad6e9b23e0277c8ecc4b313225748dd2a80' +
        'f5679534a0700e246a79a49b3f74eb89ec6205fe1eeb941c73b1fcf1',
    },
    {
      name: 'tv[6]',
      password: 'b540beb016a5366524d4605156493f9874514a5aa58818cd0c6dfffaa9e90205f17b',
      salt: '44071f6d181561670bda728d43fb79b4',
      opsLimit: 1,
      memLimit: 1631659,
      expected:
        '7fb72409b0987f8190c3729710e98c3f80c5a8727d425fdcde7f3644d467fe973f5b5fee683bd3fce812cb9ae5e9921a2d06c2f1905e4e839692f2b934b682f1' +
        '1a2fe2b90482ea5dd234863516dba6f52dc0702d324ec77d860c2e181f84472bd7104fedce071ffa93c5309494ad51623d214447a7b2b1462dc7d5d55a1f6fd5' +
        'b54ce024118d86f0c6489d16545aaa87b6689dad9f2fb47fda9894f8e12b87d978b483ccd4cc5fd9595cdc7a818452f915ce2f7df95ec12b1c72e3788d473441d8' +
        '84f9748eb14703c21b45d82fd667b85f5b2d98c13303b3fe76285531a826b6fc0fe8e3dddecf',
    },
  ])('matches the libsodium Argon2id vector $name', ({ password, salt, opsLimit, memLimit, expected }) => {
    const out = p.argon2id(fromHex(password), fromHex(salt), opsLimit, memLimit, expected.length / 2);
    expect(toHex(out)).toBe(expected);
  });

  // RFC 7693 appendix A: BLAKE2b-512("abc").
  it('computes BLAKE2b (RFC 7693 appendix A)', () => {
    expect(toHex(p.genericHash(64, utf8('abc')))).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
  });

  it('keyed BLAKE2b depends on the key', () => {
    const a = p.genericHash(32, utf8('ctx'), new Uint8Array(32).fill(1));
    const b = p.genericHash(32, utf8('ctx'), new Uint8Array(32).fill(2));
    expect(toHex(a)).not.toBe(toHex(b));
  });

  it('derives the same X25519 pair from the same seed, and sealed boxes open only with it', () => {
    const seed = new Uint8Array(32).fill(9);
    const one = p.boxKeyPairFromSeed(seed);
    const two = p.boxKeyPairFromSeed(seed.slice());
    expect(one.publicKey).toEqual(two.publicKey);
    expect(one.publicKey).toHaveLength(32);
    const sealed = p.boxSeal(utf8('clé'), one.publicKey);
    expect(p.boxSealOpen(sealed, one.publicKey, one.privateKey)).toEqual(utf8('clé'));
    const other = p.boxKeyPairFromSeed(new Uint8Array(32).fill(10));
    expect(() => p.boxSealOpen(sealed, other.publicKey, other.privateKey)).toThrow();
  });
});
