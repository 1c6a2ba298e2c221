// The only place that knows libsodium's API. Core never imports libsodium itself: shells load it
// (`const sodium = (await import('libsodium-wrappers-sumo')).default; await sodium.ready;`) and pass
// `sodiumPrimitives(sodium)` in, so that the ~190 KB wasm bundle stays out of the first paint.
import type { CryptoPrimitives } from '../ports.ts';

/**
 * The subset of libsodium-wrappers-sumo that Relais calls, typed here so that nothing depends on
 * the package's own typings (or on the deprecated @types stub). The real module satisfies it.
 */
export interface SodiumLike {
  readonly crypto_pwhash_ALG_ARGON2ID13: number;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
    message: Uint8Array,
    additionalData: Uint8Array | null,
    secretNonce: null,
    publicNonce: Uint8Array,
    key: Uint8Array,
  ): Uint8Array;
  crypto_aead_xchacha20poly1305_ietf_decrypt(
    secretNonce: null,
    ciphertext: Uint8Array,
    additionalData: Uint8Array | null,
    publicNonce: Uint8Array,
    key: Uint8Array,
  ): Uint8Array;
  crypto_pwhash(
    keyLength: number,
    password: Uint8Array,
    salt: Uint8Array,
    opsLimit: number,
    memLimit: number,
    algorithm: number,
  ): Uint8Array;
  crypto_generichash(hashLength: number, message: Uint8Array, key: Uint8Array | null): Uint8Array;
  crypto_box_seed_keypair(seed: Uint8Array): { publicKey: Uint8Array; privateKey: Uint8Array };
  crypto_box_seal(message: Uint8Array, publicKey: Uint8Array): Uint8Array;
  crypto_box_seal_open(ciphertext: Uint8Array, publicKey: Uint8Array, privateKey: Uint8Array): Uint8Array;
}

/** Call after `await sodium.ready`. No randomness comes from libsodium: Relais injects its own. */
export function sodiumPrimitives(sodium: SodiumLike): CryptoPrimitives {
  return {
    aeadEncrypt: (plaintext, ad, nonce, key) => sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, ad, null, nonce, key),
    aeadDecrypt: (ciphertext, ad, nonce, key) => sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, ad, nonce, key),
    argon2id: (password, salt, opsLimit, memLimitBytes, outLength) =>
      sodium.crypto_pwhash(outLength, password, salt, opsLimit, memLimitBytes, sodium.crypto_pwhash_ALG_ARGON2ID13),
    genericHash: (outLength, message, key) => sodium.crypto_generichash(outLength, message, key ?? null),
    boxKeyPairFromSeed: (seed) => {
      const pair = sodium.crypto_box_seed_keypair(seed);
      return { publicKey: pair.publicKey, privateKey: pair.privateKey };
    },
    boxSeal: (message, recipientPublicKey) => sodium.crypto_box_seal(message, recipientPublicKey),
    boxSealOpen: (sealed, publicKey, privateKey) => sodium.crypto_box_seal_open(sealed, publicKey, privateKey),
  };
}
