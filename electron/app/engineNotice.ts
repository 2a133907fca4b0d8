// The native notification when the engine restarts or fails (docs/alerts.md, "Desktop notifications"), in one
// language: the system's, as the alert notifications use (alertNotifier.ts); a commander reading Chinese gets no
// English beside it. The engine's own message (English, from its supervisor) follows after a colon only when
// the language is English, since it is an operator's detail, not a sentence for the post.
import type { NotifyLanguage } from './alertNotifier.js';

const TEXT: Record<NotifyLanguage, { restarting: string; failed: string }> = {
  zh: { restarting: '分析引擎正在重启，进行中的分析会重新提交。', failed: '分析引擎无法启动。请在“设置”中查看引擎状态，或重新打开应用。' },
  en: { restarting: 'The analysis engine is restarting; analyses in progress are resubmitted.', failed: 'The analysis engine cannot start. See the engine status in Settings, or reopen the app.' },
};

/** The notification for an engine state, or null when that state is not told (starting, ready, stopped). */
export function engineNotice(state: string, message: string | undefined, language: NotifyLanguage): { title: string; body: string } | null {
  if (state !== 'restarting' && state !== 'failed') return null;
  const detail = language === 'en' && message ? ` (${message})` : '';
  return { title: 'SAFE Edge', body: `${TEXT[language][state]}${detail}` };
}
