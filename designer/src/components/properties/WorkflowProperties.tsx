/** The workflow's own fields: slug, title and the services whose requests it runs. */
import type { WorkflowDefinition } from '@civicdesk/schemas';
import type { ServiceInfo } from '../../model/fact-catalogue.js';
import { entryPoints } from '../../model/entry-points.js';
import { CommitField, TextField } from './fields.js';
import { TargetSelect } from './TargetSelect.js';

const entryLabels: Record<string, string> = { start: 'Starts at', reopen: 'Reopened requests resume at' };

type Props = {
  definition: WorkflowDefinition;
  services: ServiceInfo[];
  edit(change: (d: WorkflowDefinition) => WorkflowDefinition, merge?: string): void;
};

export function WorkflowProperties({ definition, services, edit }: Props) {
  const toggle = (code: string, on: boolean) =>
    edit((d) => ({ ...d, services: on ? [...d.services, code] : d.services.filter((c) => c !== code) }));
  return (
    <section className="properties" aria-label="Workflow properties">
      <h2>Workflow</h2>
      <CommitField
        label="Workflow id"
        value={definition.workflow}
        hint="a lowercase slug such as pothole-repair"
        onCommit={(workflow) => edit((d) => ({ ...d, workflow }))}
        check={(slug) =>
          /^[a-z][a-z0-9-]{1,63}$/.test(slug) ? null : 'Use a lowercase slug such as pothole-repair'
        }
      />
      <TextField
        label="Title"
        value={definition.title}
        onChange={(title) => edit((d) => ({ ...d, title }), 'workflow-title')}
      />
      <fieldset>
        <legend>Runs for these services</legend>
        {services.map((s) => (
          <label className="check" key={s.code}>
            <input
              type="checkbox"
              checked={definition.services.includes(s.code)}
              onChange={(e) => toggle(s.code, e.target.checked)}
            />{' '}
            {s.name}
          </label>
        ))}
      </fieldset>
      {entryPoints.map(({ field, optional }) => (
        <TargetSelect
          key={field}
          label={entryLabels[field] ?? field}
          value={(definition as Record<string, unknown>)[field] as string | undefined}
          targets={Object.keys(definition.nodes)}
          onChange={(to) =>
            edit((d) => {
              const next: Record<string, unknown> = { ...d, [field]: to };
              if (!to && optional) delete next[field];
              return next as WorkflowDefinition;
            })
          }
        />
      ))}
      <p className="hint">
        Select a step to edit it. Drag steps from the palette; wire exits on the right to the next step.
      </p>
    </section>
  );
}
