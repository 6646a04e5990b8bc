// zod-jitless.ts: imported before @portfolio-rules/core, which builds its zod schemas as it loads.
import { config } from 'zod';

config({ jitless: true }); // zod's plain path: no `new Function` probe for a strict CSP to refuse
