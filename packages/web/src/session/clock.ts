import type { Clock } from '@relais/core/ports';

export const systemClock: Clock = { now: () => Date.now() };
