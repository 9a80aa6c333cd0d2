import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitSummary } from '../../../shared/org.schema.ts';
import { formatDateRange } from '../../lib/format.ts';
import { ErrorAlert } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { useUnits } from './org-api.ts';

interface TreeProps {
  includeExpired: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/**
 * The tree as nested lists of disclosure buttons (each level fetched with ?parentId= when
 * opened). Simpler for assistive technology than a full ARIA tree widget, and keyboard
 * operable with Tab and Enter/Space.
 */
export function UnitTree(props: TreeProps) {
  return <UnitList parentId={null} {...props} />;
}

function UnitList({ parentId, ...props }: TreeProps & { parentId: string | null }) {
  const { t } = useTranslation();
  const units = useUnits(parentId, props.includeExpired);
  if (units.isPending) return <Loading />;
  if (units.isError) return <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />;
  if (units.data.length === 0) return parentId ? null : <p>{t('org.noUnits')}</p>;
  return (
    <ul className={parentId ? 'tree tree-nested' : 'tree'}>
      {units.data.map((unit) => (
        <UnitNode key={unit.id} unit={unit} {...props} />
      ))}
    </ul>
  );
}

function UnitNode({ unit, ...props }: TreeProps & { unit: UnitSummary }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const selected = unit.id === props.selectedId;
  return (
    <li className={unit.active ? undefined : 'expired'}>
      <div className="tree-row">
        {unit.childCount > 0 ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={open}
            aria-label={t('org.childrenOf', { name: unit.name, count: unit.childCount })}
            onClick={() => setOpen((v) => !v)}
          >
            <span aria-hidden="true">{open ? '−' : '+'}</span>
          </button>
        ) : (
          <span className="tree-spacer" aria-hidden="true" />
        )}
        <button
          type="button"
          className="tree-label"
          aria-current={selected ? 'true' : undefined}
          onClick={() => props.onSelect(unit.id)}
        >
          {unit.name}
          {!unit.active && (
            <span className="validity">
              {' '}
              ({t('org.expired')} · {formatDateRange(unit.validFrom, unit.validTo)})
            </span>
          )}
        </button>
      </div>
      {open && <UnitList parentId={unit.id} {...props} />}
    </li>
  );
}
