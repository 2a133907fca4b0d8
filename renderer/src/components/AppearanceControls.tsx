// The theme choice (header and Settings) and the text size (Settings): native selects with labels, so
// the keyboard and screen readers get them for free (docs/app.md, "Themes").
import { useAppearance } from '../appearance/appearance.js';
import { useT } from '../i18n/i18n.js';
import { THEME_PREFERENCES, TEXT_SIZES, type TextSize, type ThemePreference } from '../logic/theme.js';

/** `compact`: the header's form, its label read by screen readers only. */
export function ThemeSelect({ compact = false }: { compact?: boolean }) {
  const { t } = useT();
  const { preference, setPreference } = useAppearance();
  return (
    <label className={compact ? 'theme-switch' : 'field'}>
      <span className={compact ? 'visually-hidden' : undefined}>{t('theme.label')}</span>
      <select value={preference} onChange={(e) => setPreference(e.target.value as ThemePreference)} data-testid={compact ? 'theme-switch' : 'theme-select'}>
        {THEME_PREFERENCES.map((p) => <option key={p} value={p}>{t(`theme.${p}`)}</option>)}
      </select>
    </label>
  );
}

export function TextSizeSelect() {
  const { t } = useT();
  const { textSize, setTextSize } = useAppearance();
  return (
    <label className="field"><span>{t('textSize.label')}</span>
      <select value={textSize} onChange={(e) => setTextSize(e.target.value as TextSize)} data-testid="text-size-select">
        {TEXT_SIZES.map((s) => <option key={s} value={s}>{t(`textSize.${s}`)}</option>)}
      </select>
    </label>
  );
}
