import { useTranslation } from 'react-i18next';
import type { UnitDetail, UnitEvent } from '../../../shared/org.schema.ts';
import { formatDate } from '../../lib/format.ts';

type Level = 2 | 3;

function Heading({ level, children }: { level: Level; children: string }) {
  return level === 2 ? <h2>{children}</h2> : <h3>{children}</h3>;
}

/** The names a unit has carried, each with its validity (records keep the name of their time). */
export function NameHistory({ names, level }: { names: UnitDetail['names']; level: Level }) {
  const { t } = useTranslation();
  if (names.length === 0) return null;
  return (
    <>
      <Heading level={level}>{t('org.nameHistory')}</Heading>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('org.name')}</th>
            <th scope="col">{t('org.from')}</th>
            <th scope="col">{t('org.to')}</th>
          </tr>
        </thead>
        <tbody>
          {names.map((n) => (
            <tr key={`${n.name}:${n.validFrom ?? ''}`}>
              <th scope="row">{n.name}</th>
              <td className="nowrap">{formatDate(n.validFrom) || '…'}</td>
              <td className="nowrap">{formatDate(n.validTo) || '…'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/**
 * Creation, renaming, merging, splitting… e.g. "01/07/2025 — Sáp nhập: Huyện A, Huyện B →
 * Xã C (Nghị quyết 1677/NQ-UBTVQH15)". Linked units can be opened when onSelect is given.
 */
export function EventList({
  events,
  level,
  onSelect,
}: {
  events: UnitEvent[];
  level: Level;
  onSelect?: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (events.length === 0) return null;
  const unitRef = (u: { id: string; name: string }) =>
    onSelect ? (
      <button key={u.id} type="button" className="link-button" onClick={() => onSelect(u.id)}>
        {u.name}
      </button>
    ) : (
      <span key={u.id}>{u.name}</span>
    );
  const joined = (units: { id: string; name: string }[]) =>
    units.flatMap((u, i) => (i === 0 ? [unitRef(u)] : [<span key={`sep-${u.id}`}>, </span>, unitRef(u)]));
  return (
    <>
      <Heading level={level}>{t('org.events')}</Heading>
      <ul className="events">
        {events.map((e) => (
          <li key={e.id}>
            <strong>{formatDate(e.effectiveDate)}</strong> — {t(`event.${e.kind}`)}
            {(e.from.length > 0 || e.to.length > 0) && ': '}
            {joined(e.from)}
            {e.from.length > 0 && e.to.length > 0 && (
              <>
                <span aria-hidden="true"> → </span>
                <span className="visually-hidden"> {t('org.became')} </span>
              </>
            )}
            {joined(e.to)}
            {e.decisionRef && <span className="muted"> ({e.decisionRef})</span>}
            {e.note && <p className="small">{e.note}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
