// The new-incident form's state, kept as a draft (logic/incidentDraft.ts) while it is edited: written a
// moment after the last change and when the form closes, restored when it opens again, dropped only
// when the engine has accepted the incident or the commander discards it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { IncidentForm } from '../logic/incidentForm.js';
import { DRAFT_SAVE_DELAY_MS, discardDraft, loadDraft, saveDraft } from '../logic/incidentDraft.js';
import type { Language } from '../i18n/i18n.js';

export interface DraftState {
  form: IncidentForm;
  setForm(form: IncidentForm): void;
  /** When the restored draft was saved (ISO), while its note is shown. */
  restoredAt: string | null;
  discard(): void;
  /** The engine accepted the incident: the draft is no longer needed. */
  submitted(): void;
}

export function useIncidentDraft(key: string, start: () => IncidentForm): DraftState {
  const [restored] = useState(() => loadDraft(localStorage, key));
  const [form, setFormState] = useState<IncidentForm>(() => restored?.form ?? start());
  const [restoredAt, setRestoredAt] = useState<string | null>(restored?.savedAt ?? null);
  const latest = useRef(form);
  const edited = useRef(false);
  const done = useRef(false);

  const setForm = useCallback((next: IncidentForm) => { edited.current = true; latest.current = next; setFormState(next); }, []);

  useEffect(() => {
    if (!edited.current || done.current) return;
    const timer = setTimeout(() => saveDraft(localStorage, key, form, new Date()), DRAFT_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [form, key]);
  // Leaving the page inside the delay must not lose the last keystrokes.
  useEffect(() => () => { if (edited.current && !done.current) saveDraft(localStorage, key, latest.current, new Date()); }, [key]);

  const discard = useCallback(() => {
    discardDraft(localStorage, key);
    edited.current = false;
    const fresh = start();
    latest.current = fresh;
    setFormState(fresh);
    setRestoredAt(null);
  }, [key, start]);
  const submitted = useCallback(() => { done.current = true; discardDraft(localStorage, key); }, [key]);
  return { form, setForm, restoredAt, discard, submitted };
}

/** The draft's time of day in the UI language (24-hour). */
export const formatDraftTime = (iso: string, language: Language): string =>
  new Date(iso).toLocaleTimeString(language === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
