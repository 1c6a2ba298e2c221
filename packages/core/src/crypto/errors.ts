// One error type for every cryptographic failure, with a code the caller can branch on. The
// message is French because a shell may show it as is; the code is what programs should test.

export type CryptoErrorCode = 'UNSUPPORTED_FORMAT' | 'MALFORMED' | 'DECRYPT_FAILED' | 'CONTEXT_MISMATCH' | 'KEY_UNKNOWN';

const MESSAGES: Record<CryptoErrorCode, string> = {
  UNSUPPORTED_FORMAT: "Ce format de données chiffrées n'est pas pris en charge par cette version de l'application.",
  MALFORMED: 'Les données chiffrées sont illisibles ou incomplètes.',
  DECRYPT_FAILED: 'Le déchiffrement a échoué : la clé ou le mot de passe ne correspond pas, ou les données ont été modifiées.',
  CONTEXT_MISMATCH: "Ces données chiffrées appartiennent à un autre contexte (organisation, collection, fiche ou version de clé).",
  KEY_UNKNOWN: "La clé de chiffrement nécessaire n'est pas disponible sur cet appareil.",
};

export class CryptoError extends Error {
  override readonly name = 'CryptoError';
  readonly code: CryptoErrorCode;

  /** `detail` is for developers (logs, tests); it never contains key material or plaintext. */
  constructor(code: CryptoErrorCode, detail?: string) {
    super(detail === undefined ? MESSAGES[code] : `${MESSAGES[code]} (${detail})`);
    this.code = code;
  }
}

export function isCryptoError(error: unknown, code?: CryptoErrorCode): error is CryptoError {
  return error instanceof CryptoError && (code === undefined || error.code === code);
}
