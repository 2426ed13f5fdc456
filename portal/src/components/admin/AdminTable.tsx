/**
 * A table that becomes one card per row on a phone. On wider screens it scrolls sideways when it must;
 * the scrolling box is a labelled region that takes keyboard focus, so keyboard users can scroll it.
 * Each cell is labelled with its column heading for the card layout, and explicit table roles keep the
 * table's meaning for screen readers when CSS lays the cells out as blocks.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';

function labelCells(table: HTMLTableElement) {
  const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
  table.setAttribute('role', 'table');
  for (const group of table.querySelectorAll('thead, tbody')) group.setAttribute('role', 'rowgroup');
  for (const row of table.querySelectorAll('tr')) row.setAttribute('role', 'row');
  for (const th of table.querySelectorAll('thead th')) th.setAttribute('role', 'columnheader');
  for (const row of table.querySelectorAll('tbody tr'))
    [...row.children].forEach((cell, index) => {
      cell.setAttribute('role', 'cell');
      cell.setAttribute('data-label', headings[index] ?? '');
    });
}

export function AdminTable({ label, children }: { label: string; children: ReactNode }) {
  const table = useRef<HTMLTableElement>(null);
  // Rows change with every reload; label them after each render.
  useLayoutEffect(() => {
    if (table.current) labelCells(table.current);
  });
  return (
    <div className="admin-table" role="region" aria-label={label} tabIndex={0}>
      <table ref={table}>
        <caption className="visually-hidden">{label}</caption>
        {children}
      </table>
    </div>
  );
}
