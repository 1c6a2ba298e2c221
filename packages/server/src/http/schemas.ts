import { ErrorResponse, Uuid } from '@relais/core/protocol';
import { z } from 'zod';

/** Response schemas for the error statuses a route can answer (published in the OpenAPI document). */
export function errorResponses<const S extends number>(...statuses: S[]): Record<S, typeof ErrorResponse> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorResponse])) as Record<S, typeof ErrorResponse>;
}

export const IdParams = z.object({ id: Uuid });

/** A 204 answer carries no body. */
export const NoContent = z.null().describe('No content');
