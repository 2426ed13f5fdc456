/**
 * What-if over history: the last N requests of the workflow's services replayed on the server through
 * the draft and the published version; tables compare them and the canvas shows requests per step.
 */
import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../api/client.js';
import { comparisonRows, pathChange, signed, type ComparisonRow } from '../model/what-if-table.js';

export type WhatIfAnswer = Awaited<ReturnType<typeof api.workflows.whatIf.query>>;

type Props = {
  /** The saved workflow's slug; empty while the workflow was never saved. */
  slug: string;
  yaml: string;
  onAnswer(answer: WhatIfAnswer | null): void;
};

export function WhatIfPanel({ slug, yaml, onAnswer }: Props) {
  const [limit, setLimit] = useState(100);
  const [answer, setAnswer] = useState<WhatIfAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await api.workflows.whatIf.query({ slug, draftYaml: yaml, limit });
      setAnswer(result);
      setError(null);
      onAnswer(result);
    } catch (failure) {
      setError(errorMessage(failure));
      setAnswer(null);
      onAnswer(null);
    } finally {
      setBusy(false);
    }
  };

  if (!slug)
    return (
      <section className="what-if" aria-label="What-if">
        <h2>What-if over history</h2>
        <p className="hint">Save the workflow once; then replay its services&apos; past requests here.</p>
      </section>
    );
  const before = answer?.published ? `v${answer.published.version}` : 'published';
  return (
    <section className="what-if" aria-label="What-if">
      <h2>What-if over history</h2>
      <form onSubmit={(e) => void run(e)} className="row">
        <label>
          Last
          <input
            type="number"
            min={1}
            max={1000}
            value={limit}
            aria-label="Requests to replay"
            onChange={(e) => setLimit(Math.max(1, Math.min(1000, Number(e.target.value) || 1)))}
          />
          requests
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Replaying…' : '▶ Replay'}
        </button>
        {answer && (
          <button
            type="button"
            onClick={() => {
              setAnswer(null);
              onAnswer(null);
            }}
          >
            Clear
          </button>
        )}
      </form>
      {error && <p role="alert">{error}</p>}
      {answer && (
        <div role="status" className="what-if-result">
          <p>
            {answer.requests} requests of {answer.services.join(', ') || 'no service'}
            {answer.from && answer.to ? ` from ${answer.from.slice(0, 10)} to ${answer.to.slice(0, 10)}` : ''}
            .{' '}
            {answer.published
              ? `${answer.changed.count} would take another path than on ${before}.`
              : 'Nothing published yet to compare with.'}
          </p>
          <Comparison
            caption="Requests by where they end"
            label="Ends at"
            before={before}
            rows={comparisonRows(answer.draft.endings, answer.published?.endings ?? null)}
          />
          <Comparison
            caption="Tasks by department queue"
            label="Queue"
            before={before}
            rows={comparisonRows(answer.draft.queues, answer.published?.queues ?? null)}
          />
          {answer.changed.sample.length > 0 && (
            <details open>
              <summary>Requests that change path</summary>
              <ul className="changed-paths" aria-label="Requests that change path">
                {answer.changed.sample.map((c) => (
                  <li key={c.id} data-request={c.id}>
                    <strong>#{c.id}</strong> {pathChange(c.published, c.draft)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {answer.draft.errors.map((e) => (
            <p key={e.id} className="problem">
              #{e.id}: {e.message}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}

type ComparisonProps = { caption: string; label: string; before: string; rows: ComparisonRow[] };

function Comparison({ caption, label, before, rows }: ComparisonProps) {
  return (
    <table className="what-if-table" aria-label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col">{before}</th>
          <th scope="col">draft</th>
          <th scope="col">change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row">{row.key}</th>
            <td>{row.published ?? '—'}</td>
            <td>{row.draft}</td>
            <td className={row.change ? (row.change > 0 ? 'up' : 'down') : ''}>{signed(row.change)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
