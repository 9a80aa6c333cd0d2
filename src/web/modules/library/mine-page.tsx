import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { usePageTitle } from '../../lib/hooks.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { Pagination } from '../../ui/pagination.tsx';
import { MINE_PAGE_SIZE, type MineItem, type MineScope, useMine } from './contrib-api.ts';
import type { SavedState } from './contribute-page.tsx';
import { labeller, referenceQuery } from './library-api.ts';
import { StatusBadge } from './status-badge.tsx';
import './library.css';

/**
 * /hoc-lieu/cua-toi — the resources the teacher contributed, newest change first, each with its
 * status and, when a moderator returned or took it down, the moderator's last comment.
 */
export function MinePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const notice = ((location.state ?? {}) as SavedState).notice;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const scope: MineScope = params.get('pham-vi') === 'truong' ? 'school' : 'mine';
  const mine = useMine(page, scope);
  usePageTitle(t('library.mine.title'));
  return (
    <div className="lib-page lib-mine">
      <h1>{t('library.mine.title')}</h1>
      <div aria-live="polite" className="form-status">
        {notice && <div className="alert alert-success">{notice}</div>}
      </div>
      <p className="lead">{t('library.mine.intro')}</p>
      <p>
        <Link className="button" to="/hoc-lieu/moi">
          {t('library.contribute.title')}
        </Link>
      </p>
      <nav aria-label={t('library.mine.scope')}>
        <ul className="lib-tabs">
          <li>
            <Link to="?" className="lib-tab" aria-current={scope === 'mine' ? 'true' : undefined}>
              {t('library.mine.scopeMine')}
            </Link>
          </li>
          <li>
            <Link to="?pham-vi=truong" className="lib-tab" aria-current={scope === 'school' ? 'true' : undefined}>
              {t('library.mine.scopeSchool')}
            </Link>
          </li>
        </ul>
      </nav>
      <h2 className="result-count" aria-live="polite">
        {mine.data ? t('library.search.count', { count: mine.data.total }) : t('status.loading')}
      </h2>
      {mine.isPending && <Loading />}
      {mine.isError && <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && mine.data.items.length === 0 && <p className="empty">{t('library.mine.none')}</p>}
      {mine.data && mine.data.items.length > 0 && (
        <ul className="lib-cards">
          {mine.data.items.map((r) => (
            <MineCard key={r.id} r={r} />
          ))}
        </ul>
      )}
      {mine.data && <Pagination page={page} pageSize={MINE_PAGE_SIZE} total={mine.data.total} />}
    </div>
  );
}

function MineCard({ r }: { r: MineItem }) {
  const { t, i18n } = useTranslation();
  const reference = useQuery(referenceQuery);
  const label = labeller(reference.data, i18n.resolvedLanguage, (k, o) => t(k, o));
  // The moderator's last comment matters while the resource is returned or taken down.
  const comment = r.status === 'returned' || r.status === 'taken_down' ? r.lastComment : null;
  const where = [...r.subjects.map((s) => label('subject', s)), ...r.grades.map((g) => label('grade', String(g)))].join(
    ' · ',
  );
  return (
    <li className="lib-card card">
      <p className="lib-kind">{label('kind', r.kind)}</p>
      <h3 className="lib-card-title">
        <Link to={`/hoc-lieu/${r.id}/sua`}>{r.title}</Link>
      </h3>
      <p className="lib-card-meta">
        <StatusBadge status={r.status} />
      </p>
      {where && <p className="lib-card-meta small">{where}</p>}
      {comment && (
        <div className="lib-card-comment">
          <p className="small">
            <strong>
              {comment.action === 'return' ? t('library.mine.returnComment') : t('library.mine.takeDownReason')}
            </strong>
          </p>
          <blockquote className="lib-comment">{comment.comment}</blockquote>
        </div>
      )}
      {r.publishedAt && (
        <p className="lib-card-meta small">
          <Link to={`/hoc-lieu/${r.id}`}>{t('library.edit.asReader')}</Link>
        </p>
      )}
    </li>
  );
}
