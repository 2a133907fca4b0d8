import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from 'react';
import { calendarDay, dateEntryExample, formatDateEntry, parseDateEntry, type DateEntryProblem } from '../logic/dateEntry.js';
import { useT } from '../i18n/i18n.js';

// Its own chunk, fetched the first time a calendar opens: the first page does not carry it.
const CalendarPopup = lazy(() => import('./CalendarPopup.js'));

/** A date (or date and time) typed and shown in the UI's language, not the browser's (logic/dateEntry.ts),
 *  or chosen on a calendar (CalendarPopup.tsx). `value` and `onChange` carry the form's own shape:
 *  yyyy-mm-dd, or yyyy-mm-ddThh:mm with `withTime`; '' when empty. Text that is not a date leaves the
 *  value as it was and, once the field is left, says how to write one. Goes inside the field's <label>;
 *  `label` names the text box itself, so the calendar button's name is not read as part of it.
 *  `describedBy`: the id of a note about the value (the re-run's time zone). */
export function DateField({ value, onChange, label, withTime = false, name, testId, describedBy }: {
  value: string; onChange: (value: string) => void; label: string; withTime?: boolean; name?: string; testId?: string; describedBy?: string;
}) {
  const { t, language } = useT();
  const problemId = useId();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => { setOpen(false); buttonRef.current?.focus(); }, []);
  const [text, setText] = useState(() => formatDateEntry(value, language, withTime));
  const [problem, setProblem] = useState<DateEntryProblem | null>(null);
  const shownIn = useRef(language);
  // A value set from outside (a restored draft, a loaded example) or a language switched: show it anew.
  // The value this field itself just reported is left as typed until the field is left.
  useEffect(() => {
    const read = parseDateEntry(text, language, withTime);
    if (shownIn.current !== language || !(read.ok && read.value === value)) {
      shownIn.current = language;
      setText(formatDateEntry(value, language, withTime));
      setProblem(null);
    }
  }, [value, language, withTime]);
  const example = dateEntryExample(language, withTime);
  const choose = (day: string) => {
    // A report time keeps its time of day; an empty one takes this minute's.
    const now = new Date();
    const time = /T(\d{2}:\d{2})/.exec(value)?.[1] ?? `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
    const chosen = withTime ? `${day}T${time}` : day;
    setText(formatDateEntry(chosen, language, withTime));
    setProblem(null);
    if (chosen !== value) onChange(chosen);
    close();
  };
  const described = [problem ? problemId : null, describedBy ?? null].filter(Boolean).join(' ');
  return (
    <span className="date-field">
      <input type="text" value={text} name={name} lang={language === 'zh' ? 'zh-CN' : 'en'} placeholder={t('dateEntry.placeholder', { example })} autoComplete="off" data-testid={testId}
        aria-label={label} aria-invalid={problem ? true : undefined} aria-describedby={described || undefined}
        onChange={(e) => {
          setText(e.target.value);
          const read = parseDateEntry(e.target.value, language, withTime);
          if (!read.ok) return; // said on leaving the field, not at every keystroke of a date half typed
          setProblem(null);
          if (read.value !== value) onChange(read.value);
        }}
        onBlur={() => {
          const read = parseDateEntry(text, language, withTime);
          if (read.ok) setText(formatDateEntry(read.value, language, withTime));
          setProblem(read.ok ? null : read.problem);
        }} />
      <button type="button" ref={buttonRef} className="date-picker-button" aria-label={t('datePicker.open')} title={t('datePicker.open')} aria-haspopup="dialog" aria-expanded={open}
        onClick={() => setOpen((o) => !o)} data-testid={testId ? `${testId}-calendar` : undefined}>
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d="M2 4h12v10H2zM2 7h12M5 2v3M11 2v3" /></svg>
      </button>
      {open && (
        <Suspense fallback={null}>
          <CalendarPopup selected={calendarDay(value)} onChoose={choose} onClose={close} opener={buttonRef} />
        </Suspense>
      )}
      {problem && <span className="problem" role="alert" id={problemId} data-problem={problem} data-testid={testId ? `${testId}-problem` : undefined}>{t(`dateEntry.${problem}`, { example })}</span>}
    </span>
  );
}
