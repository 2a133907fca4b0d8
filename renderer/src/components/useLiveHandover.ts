import { useEffect, useState } from 'react';
import type { AnalysisResult } from '../../../engine/contract/result.js';
import { routeHash } from '../logic/routes.js';

/** When a live analysis is saved, its page moves to the stored run's own address (#/analysis/<runId>),
 *  replacing the live one so Back still leads to the form and a reload opens the saved run
 *  (docs/app.md, "Progress that tells the truth"). Returns the result that finished on this page, for the
 *  announcement, or null. */
export function useLiveHandover(id: string, liveResult: AnalysisResult | undefined): AnalysisResult | null {
  const [finished, setFinished] = useState<AnalysisResult | null>(null);
  const runId = liveResult?.runId;
  useEffect(() => {
    if (id !== 'live') return;
    // A new live analysis clears the last one's announcement until it finishes in its turn.
    setFinished(liveResult ?? null);
    // Not saved (saveError): it has no address of its own and stays on the live view.
    if (!runId) return;
    window.history.replaceState(window.history.state, '', routeHash({ page: 'analysis', id: runId }));
    // replaceState fires no hashchange: tell the router the address changed.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }, [id, liveResult, runId]);
  return finished;
}
