/** Live view: type a request id, see where its run is on the graph and how long its waiting task has left. */
import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api/client.js';
import { slaClock } from '../model/sla-clock.js';

export type Run = Awaited<ReturnType<typeof api.workflows.run.query>>;

export function LivePanel({ onRun }: { onRun(run: Run): void }) {
  const [id, setId] = useState('');
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const answer = await api.workflows.run.query({ service_request_id: id.trim() });
      setRun(answer);
      setError(null);
      onRun(answer);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const now = new Date(run?.now ?? Date.now());
  return (
    <section className="live" aria-label="Live view">
      <form onSubmit={(e) => void show(e)}>
        <label>
          Request id
          <input value={id} onChange={(e) => setId(e.target.value)} inputMode="numeric" />
        </label>
        <button type="submit">Show run</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {run && (
        <div className="run-summary">
          <p>
            Request {run.serviceRequestId}: {run.status} ({run.extendedStatus})
            {run.workflow ? ` · ${run.workflow.slug} v${run.workflow.version}` : ' · no workflow pinned'}
          </p>
          <p>Passed: {run.path.join(' → ') || 'nothing yet'}</p>
          <ul className="run-tasks">
            {run.tasks.map((task) => {
              const clock = task.completedAt ? null : slaClock(task.dueAt, now);
              return (
                <li key={task.id} data-task-node={task.nodeId}>
                  <strong>{task.title}</strong> ({task.nodeId}) — {task.status}
                  {task.outcome ? `: ${task.outcome}` : ''}
                  {clock && (
                    <span className={`sla ${clock.overdue ? 'overdue' : ''}`}> · SLA {clock.text}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
