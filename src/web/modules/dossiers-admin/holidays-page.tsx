import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/hooks.ts';
import { hasPermission, useMe } from '../../lib/session.ts';
import { pickLocalized } from '../../lib/text.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorAlert, FormStatus } from '../../ui/error-alert.tsx';
import { Loading } from '../../ui/loading.tsx';
import { ScrollRegion } from '../../ui/scroll-region.tsx';
import { type HolidayDay, useDeleteHoliday, useHolidays } from './dossiers-admin-api.ts';
import { weekdayOf, yearChoices, yearFromParam, yearOf } from './holiday-days.ts';
import { HolidayForm } from './holiday-form.tsx';
import './dossiers-admin.css';

/**
 * /dossiers/holidays — the working-day calendar of one year: days off and weekend days worked
 * ("ngày làm bù"), as the Government announces them; deadlines in working days skip the former
 * and count the latter.
 */
export function HolidaysPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('dossiersAdmin.holidays.title'));
  const me = useMe();
  const canConfigure = hasPermission(me, 'dossiers.configure');
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = yearFromParam(params.get('year'), thisYear);
  const days = useHolidays(year);
  const remove = useDeleteHoliday();
  const [editing, setEditing] = useState<HolidayDay | 'new' | null>(null);
  const [deleting, setDeleting] = useState<HolidayDay | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const listTitle = useRef<HTMLHeadingElement>(null);
  const list = days.data ?? [];

  function pickYear(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setParams({ year: String(new FormData(event.currentTarget).get('year')) });
    setStatus(null);
  }

  function saved(day: string) {
    setEditing(null);
    setStatus(t('dossiersAdmin.holidays.saved', { day: formatDate(day) }));
    if (yearOf(day) !== year) setParams({ year: String(yearOf(day)) });
    listTitle.current?.focus();
  }

  function confirmDelete() {
    if (!deleting) return;
    const day = deleting.day;
    remove.mutate(day, {
      onSuccess: () => {
        setDeleting(null);
        setStatus(t('dossiersAdmin.holidays.deleted', { day: formatDate(day) }));
        listTitle.current?.focus();
      },
    });
  }

  return (
    <>
      <h1>{t('dossiersAdmin.holidays.title')}</h1>
      <p className="lead">{t('dossiersAdmin.holidays.lead')}</p>
      <div className="notice">
        <p>{t('dossiersAdmin.holidays.deadlineNote')}</p>
      </div>
      <search>
        <form className="year-picker card" onSubmit={pickYear} key={year}>
          <div className="field">
            <label htmlFor="holidays-year">{t('dossiersAdmin.holidays.year')}</label>
            <select id="holidays-year" name="year" defaultValue={year}>
              {yearChoices(thisYear, year).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {t('dossiersAdmin.holidays.show')}
          </button>
        </form>
      </search>
      {canConfigure && editing === null && (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setStatus(null);
              setEditing('new');
            }}
          >
            {t('dossiersAdmin.holidays.add')}
          </button>
        </p>
      )}
      {editing !== null && (
        <HolidayForm
          key={editing === 'new' ? 'new' : editing.day}
          entry={editing === 'new' ? null : editing}
          taken={new Set(list.map((d) => d.day))}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      <FormStatus success={status} />
      <h2 id="holidays-list-title" ref={listTitle} tabIndex={-1}>
        {t('dossiersAdmin.holidays.listTitle', { year })}
      </h2>
      {days.isPending && <Loading />}
      {days.isError && <ErrorAlert error={days.error} onRetry={() => void days.refetch()} />}
      {days.data && list.length === 0 && <p className="empty">{t('dossiersAdmin.holidays.none', { year })}</p>}
      {list.length > 0 && (
        <ScrollRegion labelledBy="holidays-list-title">
          <table className="table table-stack">
            <thead>
              <tr>
                <th scope="col">{t('dossiersAdmin.field.day')}</th>
                <th scope="col">{t('dossiersAdmin.field.weekday')}</th>
                <th scope="col">{t('dossiersAdmin.field.holidayName')}</th>
                <th scope="col">{t('dossiersAdmin.field.kind')}</th>
                {canConfigure && <th scope="col">{t('dossiersAdmin.field.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.map((d) => {
                const date = formatDate(d.day);
                return (
                  <tr key={d.day}>
                    <th scope="row" className="nowrap">
                      {date}
                    </th>
                    <td data-label={t('dossiersAdmin.field.weekday')}>
                      {t(`dossiersAdmin.weekday.${weekdayOf(d.day)}`)}
                    </td>
                    <td data-label={t('dossiersAdmin.field.holidayName')}>
                      {pickLocalized(d.name, i18n.resolvedLanguage)}
                    </td>
                    <td data-label={t('dossiersAdmin.field.kind')}>{t(`dossiersAdmin.kind.${d.kind}`)}</td>
                    {canConfigure && (
                      <td className="cell-actions">
                        <div className="row-actions">
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => {
                              setStatus(null);
                              setEditing(d);
                            }}
                          >
                            {t('dossiersAdmin.holidays.edit')}
                            <span className="visually-hidden"> {date}</span>
                          </button>
                          <button type="button" className="link-button" onClick={() => setDeleting(d)}>
                            {t('dossiersAdmin.holidays.delete')}
                            <span className="visually-hidden"> {date}</span>
                          </button>
                        </div>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('dossiersAdmin.holidays.deleteTitle', { day: formatDate(deleting?.day) })}
        confirmLabel={t('dossiersAdmin.holidays.delete')}
        danger
        busy={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        {deleting && <p>{pickLocalized(deleting.name, i18n.resolvedLanguage)}</p>}
        <FormStatus error={remove.error} />
      </ConfirmDialog>
    </>
  );
}
