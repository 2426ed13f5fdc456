import { describe, expect, it } from 'vitest';
import { copyNodes, pasteNodes } from './clipboard.js';
import { potholeDraft } from './test-fixtures.js';

describe('copy and paste', () => {
  it('pastes under fresh ids; wires among the copies follow them, wires out stay', () => {
    const { definition } = potholeDraft();
    const clip = copyNodes(definition, ['repair', 'close-fixed']);
    const { definition: pasted, ids } = pasteNodes(definition, clip);
    expect(ids).toEqual(['repair-2', 'close-fixed-2']);
    expect(pasted.nodes['repair-2']).toMatchObject({
      outcomes: { repaired: 'close-fixed-2', needs_resurfacing: 'close-referred' },
    });
    expect(pasted.layout?.['repair-2']).toEqual({ x: 40, y: 40 });
    expect(definition.nodes['repair-2']).toBeUndefined();
  });
});
