// A worker for tests of the pool's failure handling: it behaves like the real one except that a report
// whose text contains CRASH_<agent> kills the thread, FAIL_<agent> throws (the thread lives on: no
// worker exits while another holds inference sessions), HANG_<agent> never answers, and FAILONCE_<agent>
// crashes only the first worker that sees it (a transient fault the retry must recover from), and
// FAILON_<model>@<version> fails the field stage when it runs on that model version (a new model version
// that breaks on some reports: what a canary trial must catch), and SLOW_<agent>:<ms> makes that agent
// wait before it runs (a busy worker: what keeps an analysis in flight across a model swap), and
// NATIVE_<agent>:<rows> makes that agent run the plume surrogate on that many rows at a time, over and
// over (a worker that is inside onnxruntime's native code most of the time when its timeout comes).
import { existsSync, writeFileSync } from 'node:fs';
import { serveAgentWorker } from '../agentWorker.js';
import { runStageTask, workerModels } from '../agentTasks.js';

void serveAgentWorker(async (context, message) => {
  const text = message.input.incident.text;
  if (text.includes(`CRASH_${message.stage}`)) process.exit(3);
  if (text.includes(`FAIL_${message.stage}`)) throw new Error(`${message.stage} failed (injected fault)`);
  if (text.includes(`HANG_${message.stage}`)) for (;;) { /* busy forever: only terminate() stops this */ }
  const marker = /FAILONCE_(\w+):(\S+)/.exec(text);
  if (marker && marker[1] === message.stage && !existsSync(marker[2] as string)) {
    writeFileSync(marker[2] as string, 'crashed once');
    process.exit(4);
  }
  const native = new RegExp(`NATIVE_${message.stage}:(\\d+)`).exec(text);
  const plume = context.surrogates.plume;
  if (native && plume) {
    const rows = Array.from({ length: Number(native[1]) }, () => plume.spec.warmupCase);
    for (;;) await plume.predict(rows);
  }
  const slow = new RegExp(`SLOW_${message.stage}:(\\d+)`).exec(text);
  if (slow) await new Promise((resolve) => setTimeout(resolve, Number(slow[1])));
  const failOn = /FAILON_([a-z-]+)@(\d+)/.exec(text);
  if (failOn && message.stage === 'field' && workerModels(context)[failOn[1] as string] === failOn[2]) {
    throw new Error(`${failOn[1]} v${failOn[2]} cannot handle this report (injected fault)`);
  }
  return runStageTask(context, message.stage, message.input);
});
