/** Marks the task's request a duplicate of an earlier request the clerk names by number. */
import { useState, type FormEvent } from 'react';
import { queueActions } from '../../hooks/use-queue-actions.js';
import type { QueueTask } from '../../hooks/use-queue.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { requestNumber } from '../../model/queue-view.js';

export function DuplicateForm({ task, onDone }: { task: QueueTask; onDone(message: string): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(task.duplicate_of ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `duplicate-${task.id}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const original = requestNumber(text);
    if (!original) return setProblem(t('staff.duplicate.invalid'));
    setBusy(true);
    const answer = await queueActions.markDuplicate(task.id, original);
    setBusy(false);
    if (!answer.ok) return setProblem(answer.message ?? t('common.offline'));
    setProblem(null);
    onDone(t('staff.duplicate.done', { id: task.service_request_id, original }));
  };
  return (
    <form className="queue-subform" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('staff.duplicate.heading')}</h4>
      <div className="field">
        <label htmlFor={id}>{t('staff.duplicate.label')}</label>
        <p className="hint" id={`${id}-hint`}>
          {t('staff.duplicate.hint')}
        </p>
        <input
          id={id}
          inputMode="numeric"
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ''}`}
          onChange={(e) => setText(e.target.value)}
        />
        <div id={`${id}-error`} className="field-error" role="alert">
          {problem && <p>{problem}</p>}
        </div>
      </div>
      <button type="submit" className="secondary" disabled={busy}>
        {t('staff.duplicate.submit')}
      </button>
    </form>
  );
}
