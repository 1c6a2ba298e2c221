// Everything core needs from the outside world arrives through these interfaces, so that the
// same code runs in the browser, in a Worker, in Node and in tests with fixed inputs.

/** Wall clock in milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** Cryptographically secure random bytes. */
export interface Random {
  /** Fills `bytes` in place and returns it. */
  fill(bytes: Uint8Array): Uint8Array;
}

/**
 * The cryptographic primitives core builds on. The browser and Node give libsodium's
 * implementation (see `sodiumPrimitives`); tests may wrap it to count calls.
 */
export interface CryptoPrimitives {
  /** XChaCha20-Poly1305-IETF: returns ciphertext || 16-byte tag. */
  aeadEncrypt(plaintext: Uint8Array, ad: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array;
  /** Throws on any authentication failure. */
  aeadDecrypt(ciphertext: Uint8Array, ad: Uint8Array, nonce: Uint8Array, key: Uint8Array): Uint8Array;
  argon2id(password: Uint8Array, salt: Uint8Array, opsLimit: number, memLimitBytes: number, outLength: number): Uint8Array;
  /** BLAKE2b with an optional key. */
  genericHash(outLength: number, message: Uint8Array, key?: Uint8Array): Uint8Array;
  boxKeyPairFromSeed(seed: Uint8Array): { publicKey: Uint8Array; privateKey: Uint8Array };
  boxSeal(message: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array;
  /** Throws when the box does not open. */
  boxSealOpen(sealed: Uint8Array, publicKey: Uint8Array, privateKey: Uint8Array): Uint8Array;
}
