import { ERROR_MESSAGES, type ErrorCode } from '@relais/core/errors';

export type ApiErrorCode = ErrorCode | 'OFFLINE';

export const OFFLINE_MESSAGE = 'Le serveur est injoignable : vérifiez votre connexion réseau.';

/** A failed API call, with the server's stable code and the French message to show as is. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }

  get offline(): boolean {
    return this.code === 'OFFLINE';
  }
}

/** French text for any error thrown while talking to the server or working locally. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return ERROR_MESSAGES.INTERNAL;
}
