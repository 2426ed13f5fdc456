/** Line icons for step kinds, drawn as SVG so they look the same on every machine (no emoji fonts needed). */
import { memo } from 'react';

const paths: Record<string, string> = {
  task: 'M9 4h6v3H9zM6 6h3M15 6h3v14H6V6h0M9 12l2 2 4-4',
  decision: 'M12 3l9 9-9 9-9-9z',
  status: 'M3 12V4h8l10 10-8 8zM7.5 8.5h.01',
  note: 'M5 4h10l4 4v12H5zM15 4v4h4M8 12h8M8 16h6',
  notify: 'M6 17V11a6 6 0 0 1 12 0v6l2 2H4zM10 21h4',
  variable: 'M4 8h6M4 16h6M14 6l6 12M20 6l-6 12',
  transfer: 'M4 8h14l-4-4M20 16H6l4 4',
  link: 'M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1',
  webhook: 'M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18M3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
  end: 'M6 3v18M6 4h11l-3 4 3 4H6',
  wait: 'M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18M12 7v5l3 3',
  parallel: 'M4 12h5M9 12l5-6h6M9 12l5 6h6',
  join: 'M4 6h6l5 6M4 18h6l5-6M15 12h5',
  step: 'M12 8a4 4 0 1 0 0 8 4 4 0 1 0 0-8M12 2v3M12 19v3M2 12h3M19 12h3',
};

function KindIconView({ name, size = 18 }: { name: string; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
    >
      <path d={paths[name] ?? paths.step} />
    </svg>
  );
}

export const KindIcon = memo(KindIconView);
