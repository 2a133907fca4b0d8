// A body-parsing worker for tests: answers every body with the resource limits its thread was given, as
// the incident's JSON, so a test can see what the pool starts its workers with.
import { parentPort, resourceLimits } from 'node:worker_threads';
import type { ParseReply, ParseRequest } from '../parserProtocol.js';

parentPort?.on('message', (request: ParseRequest) => parentPort?.postMessage({ taskId: request.taskId, ok: true, json: JSON.stringify({ resourceLimits }) } satisfies ParseReply));
