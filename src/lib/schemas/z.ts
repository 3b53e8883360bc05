// zod for the schemas, configured once. Zod probes whether it may compile parsers with new Function();
// the script-src CSP forbids that, so in the browser the probe fails (caught) but is reported as a CSP
// violation on every page that parses a form. jitless skips the probe; the interpreted parser is just as
// correct. Configured here, not in hooks.client.ts, so pages that never parse a form never load zod.
import { z } from 'zod';

z.config({ jitless: true });

export { z };
