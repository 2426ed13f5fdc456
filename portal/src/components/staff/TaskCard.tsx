/** One task in the queue: what and where, its SLA, notes, and one button per outcome. */
import { useState } from 'react';
import { useCompleteTask, type CompleteResult } from '../../hooks/use-complete-task.js';
import type { QueueTask } from '../../hooks/use-queue.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { humanise } from '../../model/humanise.js';
import { Link } from '../../router/Link.js';
import { SlaBadge } from './SlaBadge.js';

interface Props {
  task: QueueTask;
  now: Date;
  onSettled(task: QueueTask, result: CompleteResult): void;
}

export function TaskCard({ task, now, onSettled }: Props) {
  const { t, formatDate } = useI18n();
  const [notes, setNotes] = useState('');
  const { state, complete } = useCompleteTask(task.id, (result) => onSettled(task, result));
  const headingId = `task-${task.id}`;
  const notesId = `notes-${task.id}`;
  const answers = Object.entries((task.attributes ?? {}) as Record<string, unknown>);
  return (
    <li className="card task">
      <article aria-labelledby={headingId}>
        <div className="task-head">
          <h3 id={headingId}>
            {task.title} · {task.service_name}
          </h3>
          <SlaBadge dueAt={task.due_at} now={now} />
        </div>
        <p className="hint">
          <Link href={`/track/${task.service_request_id}`}>
            {t('staff.task.request', { id: task.service_request_id })}
          </Link>
          {' · '}
          {t('staff.task.created', { date: formatDate(task.created_at) })}
          {' · '}
          {task.due_at ? t('staff.task.due', { date: formatDate(task.due_at) }) : t('staff.task.noDue')}
        </p>
        {task.description && <p>{task.description}</p>}
        <p className="hint">{task.address ?? (task.lat !== null ? `${task.lat}, ${task.long}` : '')}</p>
        {answers.length > 0 && (
          <dl className="answers" aria-label={t('staff.task.attributes')}>
            {answers.map(([code, value]) => (
              <div key={code} className="fact">
                <dt>{humanise(code)}</dt>
                <dd>
                  {Array.isArray(value)
                    ? value.map(String).map(humanise).join(', ')
                    : humanise(String(value))}
                </dd>
              </div>
            ))}
          </dl>
        )}
        <div className="field">
          <label htmlFor={notesId}>{t('staff.task.notes')}</label>
          <textarea id={notesId} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
        <div role="group" aria-label={t('staff.task.outcomes')} className="actions outcomes">
          {task.outcomes.map((outcome) => (
            <button
              key={outcome}
              type="button"
              disabled={state.kind === 'sending'}
              onClick={() => void complete(outcome, notes)}
            >
              {humanise(outcome)}
            </button>
          ))}
        </div>
        {state.kind === 'sending' && <p role="status">{t('staff.task.completing')}</p>}
        {state.kind === 'failed' && (
          <p role="alert" className="field-error">
            {state.message ?? t('common.offline')}
          </p>
        )}
      </article>
    </li>
  );
}
