import { z } from 'zod';

// zod compiles object parsers with `new Function` when it may, and probes whether it may by trying: under
// the page's Content-Security-Policy (no 'unsafe-eval') that probe is a policy violation in the console.
// Imported first by main.tsx, before any schema is built.
z.config({ jitless: true });
