/** Published versions of the open workflow: open one read-only, compare two, or restore one as the draft. */
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client.js';

export type VersionRow = {
  version: number;
  hash: string;
  note: string | null;
  publishedAt: string;
  publishedBy: string | null;
  publishedByName: string | null;
};

/** `draft` or a version number, as the compare pickers hold them. */
export type Side = 'draft' | number;

type Props = {
  slug: string;
  /** Changes whenever something may have been published, to reload the list. */
  refreshKey: unknown;
  onOpen(version: number): void;
  onCompare(from: Side, to: Side): void;
  onRestore(version: number): void;
};

export function HistoryPanel({ slug, refreshKey, onOpen, onCompare, onRestore }: Props) {
  const [versions, setVersions] = useState<VersionRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState<Side>(1);
  const [to, setTo] = useState<Side>('draft');

  useEffect(() => {
    if (!slug) return;
    api.workflows.versions
      .query({ slug })
      .then((rows) => {
        setVersions(rows);
        setError(null);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [slug, refreshKey]);

  if (!slug) return <p className="hint">Open or save a workflow to see its published versions.</p>;
  const sides: Side[] = ['draft', ...versions.map((v) => v.version)];
  const picker = (label: string, value: Side, set: (side: Side) => void) => (
    <label>
      {label}
      <select
        value={String(value)}
        onChange={(e) => set(e.target.value === 'draft' ? 'draft' : Number(e.target.value))}
      >
        {sides.map((side) => (
          <option key={side} value={String(side)}>
            {side === 'draft' ? 'Draft' : `v${side}`}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="history" aria-label="Version history">
      {error && <p role="alert">{error}</p>}
      {versions.length === 0 && !error && <p className="hint">Not published yet.</p>}
      <ol className="versions">
        {versions.map((v) => (
          <li key={v.version} data-version={v.version}>
            <div>
              <strong>v{v.version}</strong> <code title={v.hash}>{v.hash.slice(0, 8)}</code>
            </div>
            {v.note && <div className="note">{v.note}</div>}
            <div className="meta">
              {new Date(v.publishedAt).toLocaleString()}
              {v.publishedByName || v.publishedBy ? ` · ${v.publishedByName ?? v.publishedBy}` : ''}
            </div>
            <div className="actions">
              <button type="button" onClick={() => onOpen(v.version)}>
                Open v{v.version}
              </button>
              <button type="button" onClick={() => onRestore(v.version)}>
                Restore v{v.version} as draft
              </button>
            </div>
          </li>
        ))}
      </ol>
      {versions.length > 0 && (
        <fieldset className="compare">
          <legend>Compare</legend>
          {picker('From', from, setFrom)}
          {picker('To', to, setTo)}
          <button type="button" disabled={from === to} onClick={() => onCompare(from, to)}>
            Show changes
          </button>
        </fieldset>
      )}
    </section>
  );
}
