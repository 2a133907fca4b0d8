// The faulty test worker (faultyAgentWorker.ts) behind a start gate (workerStartGate.ts): a test holds
// every worker but the first while it is starting, changes the model sets, then lets them finish.
import './workerStartGate.js';
import './faultyAgentWorker.js';
