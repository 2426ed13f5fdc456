/** A request's internal notes and a field to add one, labelled plainly as never shown to the resident. */
import { useEffect, useState, type FormEvent } from 'react';
import { queueActions, type InternalNote } from '../../hooks/use-queue-actions.js';
import type { QueueTask } from '../../hooks/use-queue.js';
import { useI18n } from '../../i18n/use-i18n.js';

export function InternalNotes({ task, onSaved }: { task: QueueTask; onSaved(message: string): void }) {
  const { t, formatDate } = useI18n();
  const [notes, setNotes] = useState<InternalNote[] | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = `note-${task.id}`;
  useEffect(() => {
    let current = true;
    void queueActions.notes(task.id).then((answer) => current && setNotes(answer.ok ? answer.value : []));
    return () => {
      current = false;
    };
  }, [task.id]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const answer = await queueActions.addNote(task.id, text);
    setBusy(false);
    if (!answer.ok) return setProblem(answer.message ?? t('common.offline'));
    setProblem(null);
    setText('');
    setNotes((before) => [...(before ?? []), { ...answer.value, author: null }]);
    onSaved(t('staff.note.added', { id: task.service_request_id }));
  };
  return (
    <section className="internal-notes" aria-labelledby={`${fieldId}-heading`}>
      <h4 id={`${fieldId}-heading`}>{t('staff.note.heading')}</h4>
      {notes && notes.length === 0 && <p className="hint">{t('staff.note.none')}</p>}
      {notes && notes.length > 0 && (
        <ul>
          {notes.map((note) => (
            <li key={note.id}>
              <p>{note.text}</p>
              <p className="hint">
                {note.author
                  ? t('staff.note.by', { author: note.author, date: formatDate(note.at) })
                  : formatDate(note.at)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={fieldId}>{t('staff.note.label')}</label>
          <textarea
            id={fieldId}
            rows={2}
            value={text}
            required
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${fieldId}-error` : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          <div id={`${fieldId}-error`} className="field-error" role="alert">
            {problem && <p>{problem}</p>}
          </div>
        </div>
        <button type="submit" className="secondary" disabled={busy || !text.trim()}>
          {t('staff.note.add')}
        </button>
      </form>
    </section>
  );
}
