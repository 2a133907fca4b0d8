// The app's one polite live region (WCAG 2.1 4.1.3, status messages): any code says something to screen
// readers with `announce(message)` or `useAnnouncement(message)`, without moving focus. App renders
// <LiveRegion /> once, empty at first, so the region exists before the first message arrives.
import { useEffect, useState } from 'react';

export interface Announcement { message: string; /** Counts up, so the same words said twice are read twice. */ seq: number }
type Listener = (announcement: Announcement) => void;

/** Messages go to whichever regions are mounted (normally the one in App); pure, so Node tests can drive it. */
export function createAnnouncer(): { announce(message: string): void; subscribe(listener: Listener): () => void } {
  const listeners = new Set<Listener>();
  let seq = 0;
  return {
    announce(message) {
      if (message.trim() === '') return;
      seq += 1;
      for (const listener of listeners) listener({ message, seq });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
  };
}

const announcer = createAnnouncer();

/** Says `message` politely (after what the screen reader is saying now). */
export function announce(message: string): void {
  announcer.announce(message);
}

/** Announces `message` whenever it changes to a non-empty value (e.g. a finished analysis); null says nothing. */
export function useAnnouncement(message: string | null): void {
  useEffect(() => { if (message) announce(message); }, [message]);
}

export function LiveRegion() {
  const [last, setLast] = useState<Announcement | null>(null);
  useEffect(() => announcer.subscribe(setLast), []);
  // A new element per message: screen readers read an added node even when its text repeats the last one.
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {last && <span key={last.seq}>{last.message}</span>}
    </div>
  );
}
