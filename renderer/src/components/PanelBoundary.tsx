// An error boundary (React needs a class for it): a bug in one card or page shows a small localized
// "this panel failed" with a retry instead of blanking the whole app (docs/app.md, "Errors").
import { Children, Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.js';

interface Props { children: ReactNode; name?: string }

export class PanelBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept in the console for IT support; the page shows the short reason.
    console.error(`panel ${this.props.name ?? ''} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return <PanelFailed reason={this.state.error.message} name={this.props.name} onRetry={() => this.setState({ error: null })} />;
  }
}

function PanelFailed({ reason, name, onRetry }: { reason: string; name: string | undefined; onRetry: () => void }) {
  const { t } = useT();
  return (
    <section className="card panel-failed" role="alert" data-testid="panel-failed" data-panel={name}>
      <p><strong>{t('panel.failed', { reason })}</strong> {t('panel.hint')}</p>
      <button type="button" onClick={onRetry}>{t('error.retry')}</button>
    </section>
  );
}

/** A grid whose every child gets its own boundary: one card's bug never takes its neighbours with it. */
export function PanelGrid({ className, children }: { className: string; children: ReactNode }) {
  return (
    <div className={className}>
      {Children.toArray(children).map((child, i) => (
        <PanelBoundary key={(child as { key?: string | null }).key ?? i}>{child}</PanelBoundary>
      ))}
    </div>
  );
}
