/**
 * One task in the queue: a checkbox for bulk actions, what and where, its SLA, who holds it (with
 * claim / unclaim), the completion form (notes and one button per outcome), and, folded away, the
 * internal notes, transfer and mark-duplicate forms.
 */
import { useState } from 'react';
import { useCompleteTask, type CompleteResult } from '../../hooks/use-complete-task.js';
import { queueActions } from '../../hooks/use-queue-actions.js';
import type { QueueDirectory } from '../../hooks/use-queue-directory.js';
import type { QueueTask } from '../../hooks/use-queue.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { humanise } from '../../model/humanise.js';
import { Link } from '../../router/Link.js';
import { DuplicateForm } from './DuplicateForm.js';
import { InternalNotes } from './InternalNotes.js';
import { SlaBadge } from './SlaBadge.js';
import { TransferForm } from './TransferForm.js';

interface Props {
  task: QueueTask;
  now: Date;
  department: string;
  directory: QueueDirectory | undefined;
  selected: boolean;
  onSelect(taskId: string): void;
  onSettled(task: QueueTask, result: CompleteResult): void;
  /** A change other than completion: the message to announce, and whether the queue should reload. */
  onChanged(message: string, warn?: boolean): void;
}

export function TaskCard({
  task,
  now,
  department,
  directory,
  selected,
  onSelect,
  onSettled,
  onChanged,
}: Props) {
  const { t, formatDate } = useI18n();
  const [notes, setNotes] = useState('');
  const [claiming, setClaiming] = useState(false);
  const [more, setMore] = useState(false);
  const { state, complete } = useCompleteTask(task.id, (result) => onSettled(task, result));
  const headingId = `task-${task.id}`;
  const notesId = `notes-${task.id}`;
  const answers = Object.entries((task.attributes ?? {}) as Record<string, unknown>);
  const mine = directory !== undefined && task.assignee_id === directory.myId;
  const holder =
    task.status !== 'claimed'
      ? t('staff.task.unclaimed')
      : mine
        ? t('staff.task.claimedByMe')
        : t('staff.task.claimedBy', { name: task.assignee_name ?? '—' });
  const claimOrUnclaim = async () => {
    setClaiming(true);
    const ref = { taskId: task.id, version: task.version };
    const answer = task.status === 'open' ? await queueActions.claim(ref) : await queueActions.unclaim(ref);
    setClaiming(false);
    if (!answer.ok) return onChanged(answer.message ?? t('common.offline'), true);
    onChanged(
      task.status === 'open'
        ? t('staff.task.claimed', { id: task.service_request_id })
        : t('staff.task.unclaimedDone', { id: task.service_request_id }),
    );
  };
  return (
    <li className={selected ? 'card task selected' : 'card task'}>
      <article aria-labelledby={headingId}>
        <div className="task-head">
          <div className="task-title">
            <input
              type="checkbox"
              id={`select-${task.id}`}
              checked={selected}
              aria-label={t('staff.queue.select', { id: task.service_request_id })}
              onChange={() => onSelect(task.id)}
            />
            <h3 id={headingId}>
              {task.title} · {task.service_name}
            </h3>
          </div>
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
          {task.duplicate_of && (
            <>
              {' · '}
              <span className="chip">{t('staff.task.duplicateOf', { id: task.duplicate_of })}</span>
            </>
          )}
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
        <div className="task-holder">
          <span className={task.status === 'claimed' ? 'chip claimed' : 'chip'}>{holder}</span>
          {(task.status === 'open' || mine) && (
            <button
              type="button"
              className="secondary"
              disabled={claiming}
              onClick={() => void claimOrUnclaim()}
            >
              {task.status === 'open' ? t('staff.task.claim') : t('staff.task.unclaim')}
            </button>
          )}
        </div>
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
        <details className="task-more" onToggle={(e) => setMore(e.currentTarget.open)}>
          <summary>{t('staff.task.more')}</summary>
          {more && (
            <>
              <InternalNotes task={task} onSaved={(message) => onChanged(message)} />
              <TransferForm
                task={task}
                directory={directory}
                current={department}
                onDone={(m) => onChanged(m)}
              />
              <DuplicateForm task={task} onDone={(m) => onChanged(m)} />
            </>
          )}
        </details>
      </article>
    </li>
  );
}
