// Imported first by main.tsx, before any schema is used. Zod probes `new Function` to compile fast parsers;
// the UI's CSP forbids eval (engine/contract/uiSecurity.ts), so the probe would only fail and be reported
// as a CSP violation on every load. Jitless, zod parses with its interpreter from the start.
import { config } from 'zod';

config({ jitless: true });
