// zod compiles a fast path for object schemas with `new Function`, after probing whether `eval` is
// allowed. Under the page's Content-Security-Policy (no 'unsafe-eval') the probe is refused and
// reported as a violation. This page is the only user of its bundled zod, so it tells zod not to
// try: the same results through zod's plain path, and nothing refused. Imported first by main.ts,
// because core builds its schemas as its modules load.
import { config } from 'zod';

config({ jitless: true });
