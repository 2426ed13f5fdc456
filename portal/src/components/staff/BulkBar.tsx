/**
 * The bulk action bar, shown while tasks are ticked: choose an action (claim, unclaim, assign to a
 * colleague, transfer, mark duplicates, add an internal note), fill what it needs, apply. The server
 * answers per task; failures are listed by request number with the server's reason.
 */
import { useState, type FormEvent } from 'react';
import { queueActions, type BulkAction, type BulkAnswer } from '../../hooks/use-queue-actions.js';
import type { QueueDirectory } from '../../hooks/use-queue-directory.js';
import type { QueueTask } from '../../hooks/use-queue.js';
import { useI18n } from '../../i18n/use-i18n.js';
import { requestNumber } from '../../model/queue-view.js';

type Kind = BulkAction['kind'];
const KINDS: Kind[] = ['claim', 'unclaim', 'reassign', 'transfer', 'duplicate', 'note'];

interface Props {
  selected: QueueTask[];
  department: string;
  directory: QueueDirectory | undefined;
  onClear(): void;
  onDone(answer: BulkAnswer): void;
}

export function BulkBar({ selected, department, directory, onClear, onDone }: Props) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('claim');
  const [assignee, setAssignee] = useState('');
  const [target, setTarget] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [failures, setFailures] = useState<string[]>([]);
  const targets = directory?.departments.filter((d) => d.code !== department) ?? [];
  const colleagues = directory?.colleagues ?? [];

  const action = (): BulkAction | string => {
    switch (kind) {
      case 'reassign':
        return { kind, assigneeId: assignee || colleagues[0]?.id || '' };
      case 'transfer':
        return { kind, department: target || targets[0]?.code || '' };
      case 'duplicate':
        return requestNumber(duplicateOf)
          ? { kind, duplicateOf: requestNumber(duplicateOf)! }
          : t('staff.duplicate.invalid');
      case 'note':
        return { kind, text: note };
      default:
        return { kind };
    }
  };
  const apply = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = action();
    if (typeof chosen === 'string') return setProblem(chosen);
    setBusy(true);
    setProblem(null);
    const answer = await queueActions.bulk(
      selected.map((task) => ({ taskId: task.id, version: task.version })),
      chosen,
    );
    setBusy(false);
    if (!answer.ok) return setProblem(answer.message ?? t('common.offline'));
    const byId = new Map(selected.map((task) => [task.id, task.service_request_id]));
    setFailures(
      answer.value.results.flatMap((r) =>
        r.ok ? [] : [t('staff.bulk.failedItem', { id: byId.get(r.taskId) ?? '?', message: r.message })],
      ),
    );
    if (kind === 'note') setNote('');
    onDone(answer.value);
  };

  return (
    <section className="bulk-bar card" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">{t('staff.bulk.heading', { count: selected.length })}</h2>
      <form onSubmit={(e) => void apply(e)}>
        <div className="bulk-fields">
          <div className="field">
            <label htmlFor="bulk-action">{t('staff.bulk.action')}</label>
            <select id="bulk-action" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`staff.bulk.${k}`)}
                </option>
              ))}
            </select>
          </div>
          {kind === 'reassign' && (
            <div className="field">
              <label htmlFor="bulk-assignee">{t('staff.assign.colleague')}</label>
              <select id="bulk-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
                {colleagues.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {kind === 'transfer' && (
            <div className="field">
              <label htmlFor="bulk-department">{t('staff.transfer.department')}</label>
              <select id="bulk-department" value={target} onChange={(e) => setTarget(e.target.value)}>
                {targets.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {kind === 'duplicate' && (
            <div className="field">
              <label htmlFor="bulk-duplicate">{t('staff.duplicate.label')}</label>
              <input
                id="bulk-duplicate"
                inputMode="numeric"
                value={duplicateOf}
                onChange={(e) => setDuplicateOf(e.target.value)}
              />
            </div>
          )}
          {kind === 'note' && (
            <div className="field bulk-note">
              <label htmlFor="bulk-note">{t('staff.note.label')}</label>
              <textarea id="bulk-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
          )}
        </div>
        <div className="actions">
          <button type="submit" disabled={busy || (kind === 'note' && !note.trim())}>
            {busy ? t('staff.bulk.working') : t('staff.bulk.apply', { count: selected.length })}
          </button>
          <button type="button" className="secondary" onClick={onClear}>
            {t('staff.bulk.clear')}
          </button>
        </div>
        <div className="field-error" role="alert">
          {problem && <p>{problem}</p>}
          {failures.length > 0 && (
            <ul>
              {failures.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </div>
      </form>
    </section>
  );
}
