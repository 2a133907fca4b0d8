// A body-parsing worker thread (docs/hardening.md#load): parsing and validating a 15 MB incident on the
// serving thread stalled /health for seconds; here it stalls only this thread.
import { parentPort } from 'node:worker_threads';
import { parseBody } from './parseBody.js';
import type { ParseRequest } from './parserProtocol.js';

parentPort?.on('message', (request: ParseRequest) => parentPort?.postMessage(parseBody(request)));
