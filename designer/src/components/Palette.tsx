/** Every kind of step: drag one onto the canvas, or press it (mouse or keyboard) to add it in view. */
import { memo } from 'react';
import { nodeKinds, type NodeKind } from '../model/node-kinds.js';
import { KindIcon } from './KindIcon.js';

export const DRAG_TYPE = 'application/x-civicdesk-step';
const kinds = nodeKinds();

function PaletteView({ onAdd }: { onAdd: (kind: NodeKind) => void }) {
  return (
    <nav className="palette" aria-label="Steps">
      <h2>Steps</h2>
      {kinds.map((kind) => (
        <button
          key={kind.key}
          type="button"
          draggable
          title={kind.hint}
          style={{ ['--kind' as string]: kind.colour }}
          onDragStart={(event) => {
            event.dataTransfer.setData(DRAG_TYPE, kind.key);
            event.dataTransfer.effectAllowed = 'move';
          }}
          onClick={() => onAdd(kind)}
        >
          <span className="icon">
            <KindIcon name={kind.icon} size={20} />
          </span>
          <span>
            <strong>{kind.label}</strong>
            <small>{kind.hint}</small>
          </span>
        </button>
      ))}
    </nav>
  );
}

export const Palette = memo(PaletteView);

/** The palette entry for a dragged key. */
export function kindByKey(key: string): NodeKind | undefined {
  return kinds.find((kind) => kind.key === key);
}
