// What the token this UI was opened with may do, from the engine's `session` operation
// (engine/contract/operations.ts): 'operator' (everything) or 'viewer' (device health, alerts, metrics,
// models). The app shows a viewer only what it may read (docs/app.md#read-only-viewer). 'pending' until the
// engine answers; 'unknown' if it could not (the pages then behave as for an operator: the engine still
// refuses what the token may not do). Asked again when the engine comes back.
import { useEffect, useState } from 'react';
import type { CallerAccess } from '../../../engine/contract/operations.js';
import type { EngineTransport } from '../transport/engineTransport.js';

export type AccessState = CallerAccess | 'pending' | 'unknown';

export function useAccess(transport: EngineTransport, reconnects: number): AccessState {
  const [access, setAccess] = useState<AccessState>('pending');
  useEffect(() => {
    let current = true;
    transport.call('session', {}).then(
      (session) => { if (current) setAccess(session.access); },
      () => { if (current) setAccess((known) => (known === 'pending' ? 'unknown' : known)); },
    );
    return () => { current = false; };
  }, [transport, reconnects]);
  return access;
}
