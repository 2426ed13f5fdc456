/** The clerk's queue: sign in, pick one of your departments, complete open tasks by outcome. */
import { useCallback, useEffect, useState } from 'react';
import { SignInForm } from '../components/staff/SignInForm.js';
import { TaskCard } from '../components/staff/TaskCard.js';
import { errorCode } from '../api/errors.js';
import type { CompleteResult } from '../hooks/use-complete-task.js';
import { useFocusOnMount } from '../hooks/use-focus-on-mount.js';
import { useQueue, type QueueTask } from '../hooks/use-queue.js';
import { useStaffDepartments } from '../hooks/use-staff-departments.js';
import { useStaffSession } from '../hooks/use-staff-session.js';
import { useI18n } from '../i18n/use-i18n.js';
import { humanise } from '../model/humanise.js';

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
  const queue = useQueue(session.signedIn ? department : '');
  const [notice, setNotice] = useState<{ text: string; warn: boolean } | null>(null);
  const expired = errorCode(me.error) === 'UNAUTHORIZED' || errorCode(queue.error) === 'UNAUTHORIZED';
  const { signOut } = session;
  useEffect(() => {
    if (expired) signOut();
  }, [expired, signOut]);
  const settled = useCallback(
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
      queue.reload();
    },
    [t, queue],
  );
  const now = new Date();

  return (
    <>
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
            <button type="button" className="secondary" onClick={queue.reload}>
              {t('staff.refresh')}
            </button>
          </div>
          {me.data && departments.length === 0 && <p className="notice warn">{t('staff.noDepartments')}</p>}
          <div aria-live="polite" className="live">
            {notice && <p className={notice.warn ? 'notice warn' : 'notice ok'}>{notice.text}</p>}
          </div>
          {(me.loading || queue.loading) && !queue.data && <p>{t('common.loading')}</p>}
          {queue.data && (
            <section aria-labelledby="tasks-heading">
              <h2 id="tasks-heading">{t('staff.tasks.heading', { count: queue.data.length })}</h2>
              {queue.data.length === 0 ? (
                <p>{t('staff.tasks.empty')}</p>
              ) : (
                <ul className="tasks">
                  {queue.data.map((task) => (
                    <TaskCard key={task.id} task={task} now={now} onSettled={settled} />
                  ))}
                </ul>
              )}
            </section>
          )}
        </>
      )}
    </>
  );
}
