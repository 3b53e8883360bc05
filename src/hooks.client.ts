import { z } from 'zod';

// Zod probes whether it may compile parsers with new Function(). The script-src CSP forbids that, so the
// probe fails (caught), but the browser still reports a CSP violation on every page that parses a form.
// jitless skips the probe; the interpreted parser is just as correct.
z.config({ jitless: true });
