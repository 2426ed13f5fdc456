/** Over a read-only canvas: what is shown, the legend of its colours, the list of changes, and the way back. */
import type { ReadOnlyView } from '../model/read-only-view.js';

const legends = {
  version: [],
  diff: [
    ['added', 'Added'],
    ['removed', 'Removed'],
    ['changed', 'Changed'],
  ],
  run: [
    ['done', 'Done'],
    ['current', 'Current'],
  ],
} as const;

export function ViewBanner({ view, onClose }: { view: ReadOnlyView; onClose(): void }) {
  const diff = view.diff;
  return (
    <section className="view-banner" aria-label="Read-only view">
      <strong>{view.title}</strong> <span className="hint">read-only</span>
      <ul className="legend">
        {legends[view.kind].map(([mark, label]) => (
          <li key={mark} className={`swatch ${mark}`}>
            {label}
          </li>
        ))}
      </ul>
      {diff && (
        <ul className="changes" aria-label="Changes">
          {diff.added.map((id) => (
            <li key={`a-${id}`} className="added">
              + step {id}
            </li>
          ))}
          {diff.removed.map((id) => (
            <li key={`r-${id}`} className="removed">
              − step {id}
            </li>
          ))}
          {diff.changed.map((id) => (
            <li key={`c-${id}`} className="changed">
              ~ step {id}
            </li>
          ))}
          {diff.rewired.map((w) => (
            <li key={`w-${w.id}`} className="changed">
              ~ {w.from} {w.field}: {w.before} → {w.to}
            </li>
          ))}
          {diff.addedWires.map((w) => (
            <li key={`aw-${w.id}`} className="added">
              + wire {w.from} {w.field} → {w.to}
            </li>
          ))}
          {diff.removedWires.map((w) => (
            <li key={`rw-${w.id}`} className="removed">
              − wire {w.from} {w.field} → {w.to}
            </li>
          ))}
          {Object.values(diff).every((list) => list.length === 0) && <li>No changes.</li>}
        </ul>
      )}
      <button type="button" onClick={onClose}>
        Back to draft
      </button>
    </section>
  );
}
