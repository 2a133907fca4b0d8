import { useEffect, useId, useRef, useState } from 'react';
import { dateEntryExample, formatDateEntry, parseDateEntry, type DateEntryProblem } from '../logic/dateEntry.js';
import { useT } from '../i18n/i18n.js';

/** A date (or date and time) typed and shown in the UI's language, not the browser's (logic/dateEntry.ts).
 *  `value` and `onChange` carry the form's own shape: yyyy-mm-dd, or yyyy-mm-ddThh:mm with `withTime`;
 *  '' when empty. Text that is not a date leaves the value as it was and, once the field is left, says
 *  how to write one. Goes inside the field's <label>. */
export function DateField({ value, onChange, withTime = false, name, testId }: { value: string; onChange: (value: string) => void; withTime?: boolean; name?: string; testId?: string }) {
  const { t, language } = useT();
  const problemId = useId();
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
  return (
    <>
      <input type="text" value={text} name={name} lang={language === 'zh' ? 'zh-CN' : 'en'} placeholder={t('dateEntry.placeholder', { example })} autoComplete="off" data-testid={testId}
        aria-invalid={problem ? true : undefined} aria-describedby={problem ? problemId : undefined}
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
      {problem && <span className="problem" role="alert" id={problemId} data-problem={problem} data-testid={testId ? `${testId}-problem` : undefined}>{t(`dateEntry.${problem}`, { example })}</span>}
    </>
  );
}
