/** Every validation problem; choosing one selects its step and brings it into view. */
import type { Problem } from '@civicdesk/schemas';
import { memo } from 'react';

function ProblemsListView({ problems, onJump }: { problems: Problem[]; onJump(node: string): void }) {
  if (problems.length === 0)
    return (
      <p className="all-good" role="status">
        ✓ No problems: this workflow can be published.
      </p>
    );
  return (
    <div className="problems" role="status">
      <strong>
        {problems.length} problem{problems.length === 1 ? '' : 's'} to fix before publishing
      </strong>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.node ? (
              <button type="button" onClick={() => onJump(problem.node!)}>
                <code>{problem.node}</code> {problem.message}
              </button>
            ) : (
              <span>{problem.message}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const ProblemsList = memo(ProblemsListView);
