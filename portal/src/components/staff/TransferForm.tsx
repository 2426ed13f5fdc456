/** Sends a task to another department (and optionally a role) through its workflow. */
import { useState, type FormEvent } from 'react';
import { queueActions } from '../../hooks/use-queue-actions.js';
import type { QueueDirectory } from '../../hooks/use-queue-directory.js';
import type { QueueTask } from '../../hooks/use-queue.js';
import { useI18n } from '../../i18n/use-i18n.js';

interface Props {
  task: QueueTask;
  directory: QueueDirectory | undefined;
  current: string;
  onDone(message: string): void;
}

export function TransferForm({ task, directory, current, onDone }: Props) {
  const { t } = useI18n();
  const targets = directory?.departments.filter((d) => d.code !== current) ?? [];
  const [department, setDepartment] = useState('');
  const [role, setRole] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = targets.find((d) => d.code === (department || targets[0]?.code));
  const id = `transfer-${task.id}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    const answer = await queueActions.transfer(
      { taskId: task.id, version: task.version },
      { department: chosen.code, ...(role ? { role } : {}), ...(note.trim() ? { note: note.trim() } : {}) },
    );
    setBusy(false);
    if (!answer.ok) return setProblem(answer.message ?? t('common.offline'));
    onDone(t('staff.transfer.done', { id: task.service_request_id, department: chosen.name }));
  };
  return (
    <form className="queue-subform" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('staff.transfer.heading')}</h4>
      <div className="two-columns">
        <div className="field">
          <label htmlFor={`${id}-department`}>{t('staff.transfer.department')}</label>
          <select
            id={`${id}-department`}
            value={chosen?.code ?? ''}
            onChange={(e) => {
              setDepartment(e.target.value);
              setRole('');
            }}
          >
            {targets.map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('staff.transfer.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('staff.transfer.anyRole')}</option>
            {chosen?.roles.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('staff.transfer.note')}</label>
        <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="field-error" role="alert">
        {problem && <p>{problem}</p>}
      </div>
      <button type="submit" className="secondary" disabled={busy || !chosen}>
        {t('staff.transfer.submit')}
      </button>
    </form>
  );
}
