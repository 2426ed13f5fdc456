/** The YAML beside the canvas: canvas edits show here at once; typing here redraws the canvas when it parses. */
import type { WorkflowYamlError } from '@civicdesk/schemas';
import { memo } from 'react';

type Props = { text: string; errors: WorkflowYamlError[]; onChange(text: string): void };

function YamlPaneView({ text, errors, onChange }: Props) {
  return (
    <section className="yaml-pane" aria-label="YAML">
      <h2>YAML</h2>
      <textarea
        spellCheck={false}
        aria-label="Workflow YAML"
        value={text}
        onChange={(e) => onChange(e.target.value)}
      />
      {errors.length > 0 && (
        <ul className="yaml-errors" role="alert">
          {errors.map((error, index) => (
            <li key={index}>
              {error.line ? `Line ${error.line}: ` : ''}
              {error.path ? <code>{error.path}</code> : null} {error.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const YamlPane = memo(YamlPaneView);
