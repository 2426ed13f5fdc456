/** Try the draft: sample facts and chosen task outcomes run through the engine's own core, in the browser. */
import type { SimulationResult } from '@civicdesk/engine/simulate';
import type { WorkflowDefinition } from '@civicdesk/schemas';
import { useState } from 'react';
import type { Fact } from '../model/fact-catalogue.js';
import { ValueInput } from './rules/ValueInput.js';

type Props = { definition: WorkflowDefinition; catalogue: readonly Fact[]; onPath(path: string[]): void };

export function SimulatePanel({ definition, catalogue, onPath }: Props) {
  const [facts, setFacts] = useState<Record<string, unknown>>({});
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const [result, setResult] = useState<SimulationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tasks = Object.entries(definition.nodes).filter(([, node]) => node.type === 'task');
  const inputs = catalogue.filter((fact) => fact.group !== 'Variables');

  const run = async () => {
    try {
      const chosen = Object.fromEntries(
        tasks
          .map(([id, node]) => [
            id,
            outcomes[id] ?? Object.keys((node as { outcomes: object }).outcomes)[0] ?? '',
          ])
          .filter(([, o]) => o),
      );
      // The engine and json-rules-engine load on the first run, not with the page.
      const { simulatePath } = await import('@civicdesk/engine/simulate');
      const answer = await simulatePath(definition, facts, chosen, { maxTasks: 50 });
      setResult(answer);
      setError(null);
      onPath(answer.path);
    } catch (failure) {
      setResult(null);
      setError((failure as Error).message);
      onPath([]);
    }
  };

  return (
    <section className="simulate" aria-label="Simulate">
      <h2>Simulate</h2>
      <fieldset>
        <legend>Sample request</legend>
        {inputs.map((fact) => (
          <label className="field" key={fact.name}>
            <span>{fact.label}</span>
            <ValueInput
              label={fact.label}
              fact={fact}
              list={fact.type === 'choices'}
              value={facts[fact.name]}
              onChange={(value) => setFacts({ ...facts, [fact.name]: value })}
            />
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Staff choose</legend>
        {tasks.map(([id, node]) => (
          <label className="field" key={id}>
            <span>{id}</span>
            <select
              aria-label={`Outcome of ${id}`}
              value={outcomes[id] ?? ''}
              onChange={(e) => setOutcomes({ ...outcomes, [id]: e.target.value })}
            >
              {Object.keys((node as { outcomes: object }).outcomes).map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      <div className="row">
        <button type="button" className="primary" onClick={() => void run()}>
          ▶ Run simulation
        </button>
        <button
          type="button"
          onClick={() => {
            setResult(null);
            onPath([]);
          }}
        >
          Clear
        </button>
      </div>
      {error && <p className="problem">{error}</p>}
      {result && (
        <div className="sim-result" role="status">
          <p>
            {result.closed
              ? `Closed as ${result.status.replace(/_/g, ' ')}`
              : `Waiting at ${result.waitingAt.join(', ') || 'nothing'}`}
          </p>
          <ol>
            {result.path.map((id, index) => (
              <li key={index}>{id}</li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
