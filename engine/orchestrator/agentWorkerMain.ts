// Entry point of an agent worker thread: a module of its own, so that importing agentWorker.ts (as the
// fault-injecting test worker does) never starts a second message loop.
import { serveAgentWorker } from './agentWorker.js';

void serveAgentWorker();
