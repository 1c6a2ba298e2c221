// Zod off its code generator on the page's main thread. By default each object schema writes and
// compiles a parser of its own (`new Function`) the first time it parses: worth it for a stream of
// records, a pause for the page, which parses one answer here and one form there. Profiled on a
// slowed phone, /api/me's first parse after an unlock took ~40 ms, half of it writing that code,
// while the person list was being shown. Interpreted, a single parse costs a few milliseconds.
// Read when a schema is built: main.tsx imports this module before anything that builds one. The
// Workers, which parse pull pages of hundreds of records, keep the generated parsers.
import { config } from 'zod/v4/core';

config({ jitless: true });
