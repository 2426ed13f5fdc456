/// <reference lib="dom" />
/**
 * Probes that run inside the designer page (passed to `page.evaluate`): they read the clock where the
 * work happens, so the figures do not include the round trips of the driving process.
 */

/**
 * Resolves with ms from the file input's change to the first frame in which the steps are drawn: all
 * `count` of them, or (large graphs mount only the steps in view) a mounted set that held still for
 * three frames. Answers the time and how many steps were mounted then.
 */
export function timeImportRender(count: number): Promise<{ ms: number; mounted: number }> {
  return new Promise((resolve) => {
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    input.addEventListener(
      'change',
      () => {
        const start = performance.now();
        let last = -1;
        let steady = 0;
        let steadySince = 0;
        const check = () => {
          const nodes = Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node'));
          const shown = nodes.filter((n) => n.style.visibility !== 'hidden').length;
          const now = performance.now();
          if (shown >= count) return resolve({ ms: now - start, mounted: shown });
          if (shown > 0 && shown === last) steady += 1;
          else [steady, steadySince] = [0, now];
          last = shown;
          if (steady >= 3) return resolve({ ms: steadySince - start, mounted: shown });
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      },
      { once: true },
    );
  });
}

/** Clicks Auto-layout and resolves with ms until the frame after the steps moved to their new places. */
export function timeAutoLayout(): Promise<number> {
  return new Promise((resolve) => {
    const button = Array.from(document.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Auto-layout'),
    )!;
    const viewport = document.querySelector('.react-flow__viewport')!;
    let start = 0;
    // A step that moved changes its style; with only the steps in view mounted, steps may instead be
    // unmounted and others mounted, which shows as a change of the nodes container's children.
    const observer = new MutationObserver((mutations) => {
      const moved = mutations.some((m) => {
        const target = m.target as Element;
        return m.type === 'childList'
          ? target.classList?.contains('react-flow__nodes')
          : target.classList?.contains('react-flow__node');
      });
      if (!moved) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - start));
    });
    observer.observe(viewport, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['style'],
    });
    start = performance.now();
    button.click();
  });
}

/** Starts collecting requestAnimationFrame deltas into `window.__frames` until `stopFrames` is called. */
export function startFrames(): void {
  const w = window as unknown as { __frames: number[]; __collecting: boolean };
  w.__frames = [];
  w.__collecting = true;
  let last = performance.now();
  const tick = (now: number) => {
    w.__frames.push(now - last);
    last = now;
    if (w.__collecting) requestAnimationFrame(tick);
  };
  requestAnimationFrame((now) => {
    last = now;
    requestAnimationFrame(tick);
  });
}

/** Stops collecting and answers the deltas. */
export function stopFrames(): number[] {
  const w = window as unknown as { __frames: number[]; __collecting: boolean };
  w.__collecting = false;
  return w.__frames;
}

/** The id of the step drawn nearest the middle of the canvas: the one a person would grab. */
export function stepNearestCentre(): string {
  const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
  const cx = canvas.left + canvas.width / 2;
  const cy = canvas.top + canvas.height / 2;
  let best = '';
  let bestDistance = Infinity;
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node'))) {
    const box = node.getBoundingClientRect();
    const distance = Math.hypot(box.left + box.width / 2 - cx, box.top + box.height / 2 - cy);
    if (distance < bestDistance) [best, bestDistance] = [node.dataset.id ?? '', distance];
  }
  return best;
}
