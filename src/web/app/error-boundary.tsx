import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function ErrorView() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('error.pageTitle')}</h1>
      <p>{t('error.pageBody')}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('action.reload')}
        </button>
      </p>
    </>
  );
}

/**
 * Catches render errors of a page, so that the shell (navigation, language, log out) stays
 * usable. The usual cause is a page chunk gone after a new deployment, which a reload fixes.
 * Layout remounts it per path, so navigating away clears the error.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <ErrorView /> : this.props.children;
  }
}
