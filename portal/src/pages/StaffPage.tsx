/**
 * The clerk's queue: sign in, pick one of your departments, filter, search and sort its waiting
 * tasks, page through them (or see them on a map), tick several for a bulk action, and work each
 * one: claim, complete by outcome, internal notes, transfer, mark duplicate.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { BulkBar } from '../components/staff/BulkBar.js';
import { QueueFilterBar } from '../components/staff/QueueFilterBar.js';
import { QueueMap } from '../components/staff/QueueMap.js';
import { QueuePager } from '../components/staff/QueuePager.js';
import { SignInForm } from '../components/staff/SignInForm.js';
import { TaskCard } from '../components/staff/TaskCard.js';
import '../components/staff/queue.css';
import { errorCode } from '../api/errors.js';
import type { CompleteResult } from '../hooks/use-complete-task.js';
import { useDebounced } from '../hooks/use-debounced.js';
import { useFocusOnMount } from '../hooks/use-focus-on-mount.js';
import { usePortalConfig } from '../hooks/use-portal-config.js';
import type { BulkAnswer } from '../hooks/use-queue-actions.js';
import { useQueueDirectory } from '../hooks/use-queue-directory.js';
import { useQueueMap } from '../hooks/use-queue-map.js';
import { useQueueFacets, useQueuePage, type QueueTask } from '../hooks/use-queue.js';
import { useStaffDepartments } from '../hooks/use-staff-departments.js';
import { useStaffSession } from '../hooks/use-staff-session.js';
import { useI18n } from '../i18n/use-i18n.js';
import { humanise } from '../model/humanise.js';
import {
  back,
  defaultFilters,
  firstPage,
  forward,
  pageNumber,
  toggle,
  type PageTrail,
} from '../model/queue-view.js';

type Notice = { text: string; warn: boolean } | null;

export function StaffPage() {
  const { t } = useI18n();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const session = useStaffSession();
  const me = useStaffDepartments(session.signedIn);
  const [department, setDepartment] = useState('');
  const departments = me.data?.departments ?? [];
  useEffect(() => {
    if (!department && departments[0]) setDepartment(departments[0].code);
  }, [department, departments]);
  const active = session.signedIn ? department : '';

  const [filters, setFilters] = useState(defaultFilters);
  const settled = useDebounced(filters, 300);
  // The page trail belongs to one department and set of filters; any change starts at page 1.
  const queueKey = JSON.stringify([active, settled]);
  const [paging, setPaging] = useState<{ key: string; trail: PageTrail }>({
    key: queueKey,
    trail: firstPage,
  });
  const trail = paging.key === queueKey ? paging.trail : firstPage;
  const [round, setRound] = useState(0);
  const [view, setView] = useState<'list' | 'map'>('list');
  const [selection, setSelection] = useState<Map<string, QueueTask>>(new Map());
  const [notice, setNotice] = useState<Notice>(null);

  const page = useQueuePage(active, settled, trail.current, round);
  const facets = useQueueFacets(active, settled, round);
  const mapData = useQueueMap(active, settled, view === 'map', round);
  const directory = useQueueDirectory(active);
  const config = usePortalConfig();
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => setSelection(new Map()), [active]);

  const expired = errorCode(me.error) === 'UNAUTHORIZED' || errorCode(page.error) === 'UNAUTHORIZED';
  const { signOut } = session;
  useEffect(() => {
    if (expired) signOut();
  }, [expired, signOut]);

  const settledTask = useCallback(
    (task: QueueTask, result: CompleteResult) => {
      setNotice(
        result.kind === 'completed'
          ? {
              text: t('staff.task.completed', {
                id: task.service_request_id,
                outcome: humanise(result.outcome),
              }),
              warn: false,
            }
          : { text: t('staff.task.conflict'), warn: true },
      );
      reload();
    },
    [t, reload],
  );
  const changed = useCallback(
    (text: string, warn = false) => {
      setNotice({ text, warn });
      reload();
    },
    [reload],
  );
  const bulkDone = (answer: BulkAnswer) => {
    const failed = new Set(answer.results.filter((r) => !r.ok).map((r) => r.taskId));
    setSelection((before) => new Map([...before].filter(([id]) => failed.has(id))));
    setNotice({
      text: t('staff.bulk.result', { ok: answer.succeeded, failed: answer.failed }),
      warn: answer.failed > 0,
    });
    reload();
  };
  const tasks = page.data?.tasks ?? [];
  const allOnPage = tasks.length > 0 && tasks.every((task) => selection.has(task.id));
  const selectPage = () =>
    setSelection((before) => {
      const next = new Map(before);
      for (const task of tasks) {
        if (allOnPage) next.delete(task.id);
        else next.set(task.id, task);
      }
      return next;
    });
  const select = (taskId: string) => {
    const task = tasks.find((candidate) => candidate.id === taskId);
    setSelection((before) => {
      const ids = toggle(new Set(before.keys()), taskId);
      const next = new Map([...before].filter(([id]) => ids.has(id)));
      if (task && ids.has(taskId)) next.set(taskId, task);
      return next;
    });
  };
  const selected = useMemo(() => [...selection.values()], [selection]);
  const now = new Date(page.data?.as_of ?? Date.now());

  return (
    <div className="staff-page">
      <h1 ref={heading} tabIndex={-1}>
        {t('staff.heading')}
      </h1>
      {!session.signedIn && (
        <>
          {expired && <p className="notice warn">{t('staff.sessionExpired')}</p>}
          <SignInForm onSignIn={session.signIn} />
        </>
      )}
      {session.signedIn && (
        <>
          <div className="staff-bar">
            <p>{me.data ? t('staff.signedInAs', { name: me.data.name }) : ''}</p>
            <button type="button" className="secondary" onClick={signOut}>
              {t('staff.signout')}
            </button>
          </div>
          <div className="staff-bar">
            {departments.length > 0 && (
              <div className="field inline">
                <label htmlFor="department">{t('staff.department')}</label>
                <select id="department" value={department} onChange={(e) => setDepartment(e.target.value)}>
                  {departments.map((d) => (
                    <option key={d.code} value={d.code}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div className="view-switch" role="group" aria-label={t('staff.queue.view')}>
              {(['list', 'map'] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  className={view === v ? '' : 'secondary'}
                  aria-pressed={view === v}
                  onClick={() => setView(v)}
                >
                  {t(`staff.queue.view.${v}`)}
                </button>
              ))}
            </div>
            <button type="button" className="secondary" onClick={reload}>
              {t('staff.refresh')}
            </button>
          </div>
          {me.data && departments.length === 0 && <p className="notice warn">{t('staff.noDepartments')}</p>}
          {active && <QueueFilterBar filters={filters} facets={facets.data} onChange={setFilters} />}
          <div aria-live="polite" className="live">
            {notice && <p className={notice.warn ? 'notice warn' : 'notice ok'}>{notice.text}</p>}
          </div>
          {selected.length > 0 && (
            <BulkBar
              selected={selected}
              department={department}
              directory={directory.data}
              onClear={() => setSelection(new Map())}
              onDone={bulkDone}
            />
          )}
          {(me.loading || page.loading) && !page.data && <p>{t('common.loading')}</p>}
          {view === 'map' && mapData.data && config.data && (
            <QueueMap config={config.data} data={mapData.data} />
          )}
          {view === 'list' && page.data && (
            <section aria-labelledby="tasks-heading">
              <div className="tasks-head">
                <h2 id="tasks-heading">
                  {t('staff.tasks.heading', { count: facets.data?.total ?? tasks.length })}
                </h2>
                {tasks.length > 0 && (
                  <label className="select-page">
                    <input type="checkbox" checked={allOnPage} onChange={selectPage} />
                    {t('staff.queue.selectPage')}
                  </label>
                )}
              </div>
              {tasks.length === 0 ? (
                <p>{t('staff.tasks.empty')}</p>
              ) : (
                <ul className="tasks">
                  {tasks.map((task) => (
                    <TaskCard
                      key={task.id}
                      task={task}
                      now={now}
                      department={department}
                      directory={directory.data}
                      selected={selection.has(task.id)}
                      onSelect={select}
                      onSettled={settledTask}
                      onChanged={changed}
                    />
                  ))}
                </ul>
              )}
              <QueuePager
                page={pageNumber(trail)}
                hasPrevious={trail.previous.length > 0}
                hasNext={!!page.data.next}
                onPrevious={() => setPaging({ key: queueKey, trail: back(trail) })}
                onNext={() =>
                  page.data?.next && setPaging({ key: queueKey, trail: forward(trail, page.data.next) })
                }
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}
