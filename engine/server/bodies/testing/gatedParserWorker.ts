// A body-parsing worker for tests: holds every body until the test opens the gate (parseGate.ts), so a
// test can show the serving thread answering while bodies are being parsed, without timing anything.
import { parentPort, workerData } from 'node:worker_threads';
import { parseBody } from '../parseBody.js';
import type { ParseRequest } from '../parserProtocol.js';

const gate = (workerData as { gate: Int32Array }).gate;
const held: ParseRequest[] = [];
const reply = (request: ParseRequest) => parentPort?.postMessage(parseBody(request));

// Atomics.waitAsync is in Node 20 but not in this project's TypeScript lib (es2022).
const { waitAsync } = Atomics as unknown as { waitAsync(array: Int32Array, index: number, value: number): { value: Promise<string> | string } };
void Promise.resolve(waitAsync(gate, 0, 0).value).then(() => { for (const request of held.splice(0)) reply(request); });

parentPort?.on('message', (request: ParseRequest) => {
  if (Atomics.load(gate, 0) === 0) held.push(request);
  else reply(request);
});
