// The date fields' calendar pop-up (docs/app.md, "Dates in the forms"), loaded only when first opened
// (React.lazy in DateField.tsx). The WAI-ARIA date picker dialog pattern: a dialog with the month's name,
// previous and next month buttons and a grid of days; arrows move a day or a week, Home/End to the week's
// ends, PageUp/PageDown a month (with Shift a year), Enter or Space chooses, Esc closes. Names of months
// and days come from the UI language (logic/dateTime.ts's locales), never from the browser's.
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { WEEK_STARTS, addMonths, dayDate, monthGrid, moveByKey, today } from '../logic/calendar.js';
import { UI_LOCALES } from '../logic/dateTime.js';
import { useT } from '../i18n/i18n.js';
import '../calendar.css';

export interface CalendarPopupProps {
  /** The day the field holds (yyyy-mm-dd), or null: the calendar then opens on today. */
  selected: string | null;
  onChoose(day: string): void;
  /** Closed without choosing (Esc, the close button, a click or Tab outside). */
  onClose(): void;
  /** The button that opens it: a click there (or focus moving there) is its own toggle, not leaving the
   *  pop-up, which would close it on pointerdown or blur, only for the button's click to open it again. */
  opener?: RefObject<HTMLElement | null>;
}

export default function CalendarPopup({ selected, onChoose, onClose, opener }: CalendarPopupProps) {
  const { t, language } = useT();
  const locale = UI_LOCALES[language];
  const weekStart = WEEK_STARTS[language];
  const todayDay = today();
  const [focused, setFocused] = useState(selected ?? todayDay);
  const rootRef = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const [alignEnd, setAlignEnd] = useState(false);
  const titleId = useId();
  const helpId = useId();
  const names = useMemo(() => ({
    month: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    full: new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }),
    weekdayShort: new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }),
    weekdayLong: new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }),
  }), [locale]);
  const weeks = monthGrid(focused, weekStart);
  // A week from 2024-01-01, a Monday: the column heads in this language's order.
  const heads = Array.from({ length: 7 }, (_, i) => dayDate(`2024-01-0${1 + ((weekStart - 1 + i + 7) % 7)}`));

  // The focused day takes the keyboard focus whenever it moves (the grid's roving tabindex).
  useEffect(() => { gridRef.current?.querySelector<HTMLElement>(`[data-date="${focused}"]`)?.focus(); }, [focused]);
  // Opened near the window's right edge, it opens leftwards rather than widen the page.
  useLayoutEffect(() => {
    const box = rootRef.current?.getBoundingClientRect();
    if (box && box.right > document.documentElement.clientWidth) setAlignEnd(true);
  }, []);
  // A click anywhere outside closes it, as Tab out of it does (onBlur below).
  useEffect(() => {
    const outside = (e: PointerEvent) => {
      const target = e.target as Node;
      if (rootRef.current && !rootRef.current.contains(target) && !opener?.current?.contains(target)) onClose();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [onClose, opener]);

  const onGridKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onChoose(focused); return; }
    const next = moveByKey(focused, e.key, e.shiftKey, weekStart);
    if (next) { e.preventDefault(); setFocused(next); }
  };
  return (
    <div ref={rootRef} role="dialog" aria-modal="false" aria-label={t('datePicker.dialog')} className={`calendar-popup${alignEnd ? ' align-end' : ''}`} data-testid="calendar"
      lang={language === 'zh' ? 'zh-CN' : 'en'}
      // Inside the field's <label>: a click here must not go on to the label's input (and close the pop-up).
      onClick={(e) => e.preventDefault()}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onClose(); } }}
      onBlur={(e) => { if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget as Node) && !opener?.current?.contains(e.relatedTarget as Node)) onClose(); }}>
      <div className="calendar-head">
        <button type="button" onClick={() => setFocused(addMonths(focused, -1))} aria-label={t('datePicker.previousMonth')} data-testid="calendar-previous">‹</button>
        <span id={titleId} className="calendar-title" aria-live="polite" data-testid="calendar-month">{names.month.format(dayDate(focused))}</span>
        <button type="button" onClick={() => setFocused(addMonths(focused, 1))} aria-label={t('datePicker.nextMonth')} data-testid="calendar-next">›</button>
      </div>
      <table role="grid" ref={gridRef} aria-labelledby={titleId} aria-describedby={helpId} onKeyDown={onGridKey}>
        <thead>
          <tr>{heads.map((d) => <th key={d.getUTCDay()} scope="col" abbr={names.weekdayLong.format(d)}>{names.weekdayShort.format(d)}</th>)}</tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            // Rows and cells keyed by position, so the focused cell stays in the page while the month changes.
            <tr key={w}>
              {week.map((day, i) => (day === null ? <td key={i} /> : (
                <td key={i} data-date={day} tabIndex={day === focused ? 0 : -1} aria-selected={day === selected}
                  aria-current={day === todayDay ? 'date' : undefined} aria-label={names.full.format(dayDate(day))}
                  className={day === todayDay ? 'calendar-today' : undefined}
                  onClick={() => onChoose(day)}>{Number(day.slice(8))}</td>
              )))}
            </tr>
          ))}
        </tbody>
      </table>
      <p id={helpId} className="calendar-help">{t('datePicker.help')}</p>
      <button type="button" onClick={onClose} data-testid="calendar-close">{t('datePicker.close')}</button>
    </div>
  );
}
